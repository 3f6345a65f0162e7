// Tools > Message History: every saved conversation by contact and date, a search box that looks
// through all of them as you type, and (in the menus) saving a contact's history or what a search
// found as a text file or a web page, and deleting a conversation, a contact's history or all.

import { useEffect, useMemo, useState } from 'react';
import type { HistoryContact, HistoryDeletion, HistoryExportFormat, HistoryExportScope } from '../../../../shared/history';
import { buildExport } from '../../../../shared/history-export';
import { MAX_HISTORY_QUERY_LENGTH } from '../../../../shared/schemas';
import { command } from '../../bridge';
import { Banner } from '../../components/Banner';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { MenuBar, type MenuDefinition } from '../../components/MenuBar';
import { saveFile } from '../../components/save-file';
import { SearchField } from '../../components/SearchField';
import { useCommandWithBanner } from '../../components/use-command';
import { useMessenger } from '../../store/context';
import { selectBanner, selectDismissBanner } from '../../store/selectors';
import { strings } from '../../strings';
import { conversationDate, conversationNames, HistoryContacts, type HistorySelection } from './HistoryContacts';
import { HistoryConversationView } from './HistoryConversationView';
import { HistorySearchResults } from './HistorySearchResults';
import { useHistorySearch } from './use-history-search';
import '../../styles/conversation.css';
import '../../styles/history.css';

interface PendingDeletion {
  readonly what: HistoryDeletion;
  readonly question: string;
}

function useHistoryContacts(generation: number): { contacts: readonly HistoryContact[] | undefined; error: string | undefined } {
  const [state, setState] = useState<{ contacts: readonly HistoryContact[] | undefined; error: string | undefined }>({ contacts: undefined, error: undefined });
  useEffect(() => {
    let current = true;
    void command('historyContacts').then((answer) => {
      if (current) setState(answer.ok ? { contacts: answer.value, error: undefined } : { contacts: undefined, error: strings.error(answer.error) });
    });
    return () => {
      current = false;
    };
  }, [generation]);
  return state;
}

export function HistoryWindow({ handle }: { readonly handle?: string }) {
  const banner = useMessenger(selectBanner);
  const dismissBanner = useMessenger(selectDismissBanner);
  const runWithBanner = useCommandWithBanner();
  const [generation, setGeneration] = useState(0);
  const { contacts, error } = useHistoryContacts(generation);
  const [selection, setSelection] = useState<HistorySelection>({ handle });
  const [query, setQuery] = useState('');
  const search = useHistorySearch(query, generation);
  const [status, setStatus] = useState<string>();
  const [deletion, setDeletion] = useState<PendingDeletion>();

  useEffect(() => {
    document.title = strings.history.windowTitle;
  }, []);

  const contact = contacts?.find((candidate) => candidate.handle === selection.handle);
  // Opened at a contact (from its menu), the newest conversation with them shows at once.
  const conversationId = selection.conversationId ?? contact?.conversations[0]?.id;
  const summary = contact?.conversations.find((candidate) => candidate.id === conversationId);
  const words = query.trim();

  const menus = useMemo((): MenuDefinition[] => {
    const exportAs = async (scope: HistoryExportScope, format: HistoryExportFormat) => {
      const result = await runWithBanner('historyExport', scope);
      if (!result.ok) return;
      const file = buildExport(result.value, format, strings.history.exportFile);
      saveFile(file);
      setStatus(strings.history.exported(file.messages, file.fileName));
    };
    const name = contact?.name ?? strings.history.aContact;
    const contactScope = contact && ({ kind: 'contact', handle: contact.handle } as const);
    return [
      {
        id: 'file',
        label: strings.menu.file,
        items: [
          { id: 'export-contact-txt', label: strings.history.exportContactText(name), disabled: !contactScope, onSelect: () => contactScope && void exportAs(contactScope, 'txt') },
          { id: 'export-contact-html', label: strings.history.exportContactHtml(name), disabled: !contactScope, onSelect: () => contactScope && void exportAs(contactScope, 'html') },
          { id: 'export-search-txt', label: strings.history.exportSearchText, disabled: words === '', separatorBefore: true, onSelect: () => void exportAs({ kind: 'search', query: words }, 'txt') },
          { id: 'export-search-html', label: strings.history.exportSearchHtml, disabled: words === '', onSelect: () => void exportAs({ kind: 'search', query: words }, 'html') },
          { id: 'close', label: strings.menu.close, separatorBefore: true, onSelect: () => window.close() },
        ],
      },
      {
        id: 'edit',
        label: strings.history.edit,
        items: [
          {
            id: 'delete-conversation',
            label: strings.history.deleteConversation,
            disabled: !summary,
            onSelect: () =>
              summary &&
              setDeletion({ what: { kind: 'conversation', id: summary.id }, question: strings.history.confirmConversation(conversationNames(summary), conversationDate(summary)) }),
          },
          {
            id: 'delete-contact',
            label: strings.history.deleteContact(name),
            disabled: !contact,
            onSelect: () => contact && setDeletion({ what: { kind: 'contact', handle: contact.handle }, question: strings.history.confirmContact(contact.name) }),
          },
          {
            id: 'delete-all',
            label: strings.history.deleteAll,
            disabled: !contacts || contacts.length === 0,
            separatorBefore: true,
            onSelect: () => setDeletion({ what: { kind: 'all' }, question: strings.history.confirmAll }),
          },
        ],
      },
    ];
  }, [contact, contacts, summary, words, runWithBanner]);

  const deleted = (messages: number) => {
    setDeletion(undefined);
    setStatus(strings.history.deleted(messages));
    setSelection(deletion?.what.kind === 'conversation' ? { handle: selection.handle } : {});
    setGeneration((value) => value + 1);
  };

  return (
    <div className="window history-window">
      <MenuBar menus={menus} />
      <div className="history-search">
        <SearchField
          label={strings.history.search}
          placeholder={strings.history.searchPlaceholder}
          value={query}
          onChange={setQuery}
          className="text-input history-search__input"
          maxLength={MAX_HISTORY_QUERY_LENGTH}
          data-testid="history-search"
        />
      </div>
      <Banner text={banner} onDismiss={dismissBanner} />
      <main className="window__content history">
        <nav className="history__side" aria-label={words ? strings.history.search : strings.history.contacts}>
          {words ? (
            <HistorySearchResults {...search} selection={selection} onSelect={setSelection} />
          ) : error ? (
            <p className="form-error">{error}</p>
          ) : (
            contacts && <HistoryContacts contacts={contacts} selection={selection} onSelect={setSelection} />
          )}
        </nav>
        <section className="history__view">
          <HistoryConversationView conversationId={conversationId} messageId={selection.messageId} generation={generation} />
        </section>
      </main>
      <p className="history__status" role="status" data-testid="history-status">
        {status}
      </p>
      {deletion && (
        <ConfirmDialog
          title={strings.history.confirmTitle}
          sentences={[deletion.question, strings.history.confirmExplanation]}
          confirm={strings.history.confirmDelete}
          action={() => command('historyDelete', deletion.what)}
          onDone={deleted}
          onClose={() => setDeletion(undefined)}
          testId="history-delete-dialog"
        />
      )}
    </div>
  );
}
