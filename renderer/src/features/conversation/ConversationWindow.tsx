// One conversation's window: the toolbar, who is in it (with their status), the transcript, the
// composer, and the status bar (who is typing, or when the last message arrived).

import { Fragment, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { contactIn } from '../../../../shared/contacts';
import type { Conversation, MessengerState } from '../../../../shared/model';
import { stripPlus } from '../../../../shared/plus-tags';
import { RichText } from '../../components/rich-text/RichText';
import { command } from '../../bridge';
import { Banner } from '../../components/Banner';
import { LiveRegion } from '../../components/LiveRegion';
import { useCommandWithBanner } from '../../components/use-command';
import { useMessenger } from '../../store/context';
import {
  isOnline,
  listMembers,
  selectBanner,
  selectContacts,
  selectConversation,
  selectDismissBanner,
  selectReady,
} from '../../store/selectors';
import { strings } from '../../strings';
import { useFocusRecord } from '../alerts/focused-conversation';
import { SpellingDialog } from '../contact-preferences/SpellingDialog';
import { useContactPreferences } from '../contact-preferences/use-contact-preferences';
import { ContactPickerDialog } from '../dialogs/ContactPickerDialog';
import { HistoryPrompt } from '../history/HistoryPrompt';
import { selectKeepsHistory } from '../history/keeps-history';
import { RecentLines, useRecentLines } from '../history/RecentLines';
import { KeyboardShortcutsDialog } from '../shortcuts/KeyboardShortcutsDialog';
import { useConversationShortcuts } from '../shortcuts/use-conversation-shortcuts';
import { ConversationMenuBar } from '../menus/ConversationMenuBar';
import { Composer } from './Composer';
import { ConversationToolbar } from './ConversationToolbar';
import { FontDialog } from './FontDialog';
import { useMyFormat } from './my-format';
import { StatusBar } from './StatusBar';
import { Transcript } from './Transcript';
import '../../styles/conversation.css';

type LocalDialog = 'invite' | 'font' | 'spelling' | 'shortcuts' | undefined;

function Participants({ conversation, contacts }: { readonly conversation: Conversation; readonly contacts: MessengerState['contacts'] }) {
  const { participants } = conversation;
  const statusOf = (handle: string) => {
    const status = contactIn(contacts, handle)?.status;
    return status && strings.statusLabel(status);
  };
  const plain =
    participants.length === 0
      ? strings.conversation.nobody
      : participants.map((person) => strings.conversation.participant(stripPlus(person.friendlyName), person.handle, statusOf(person.handle))).join(', ');
  return (
    <p className="participants" data-testid="participants" title={plain}>
      <span className="participants__label">{strings.conversation.to}</span>{' '}
      {participants.length === 0
        ? plain
        : participants.map((person, index) => (
            <Fragment key={person.handle}>
              {index > 0 && ', '}
              <RichText text={person.friendlyName} />
              {strings.conversation.participantAfterName(person.handle, statusOf(person.handle))}
            </Fragment>
          ))}
    </p>
  );
}

function InviteDialog({ conversation, onClose }: { readonly conversation: Conversation; readonly onClose: () => void }) {
  const contacts = useMessenger(selectContacts);
  const candidates = useMemo(() => {
    const inConversation = new Set(conversation.participants.map((person) => person.handle));
    return listMembers(contacts, 'FL').filter((contact) => isOnline(contact) && !inConversation.has(contact.handle));
  }, [contacts, conversation.participants]);
  return (
    <ContactPickerDialog
      title={strings.conversation.inviteTitle}
      contacts={candidates}
      empty={strings.conversation.inviteNone}
      testId="invite-to-conversation-dialog"
      pick={(contact) => command('inviteToConversation', conversation.id, contact.handle)}
      onClose={onClose}
    />
  );
}

export function ConversationWindow({ id }: { readonly id: string }) {
  // The window is first drawn in the background, in slices between frames, rather than in the task
  // that takes in the snapshot.
  const ready = useDeferredValue(useMessenger(selectReady));
  const conversation = useMessenger(useMemo(() => selectConversation(id), [id]));
  const contacts = useMessenger(selectContacts);
  const banner = useMessenger(selectBanner);
  const runWithBanner = useCommandWithBanner();
  const dismissBanner = useMessenger(selectDismissBanner);
  const [dialog, setDialog] = useState<LocalDialog>(undefined);
  const [format, setFormat] = useMyFormat();
  const keepsHistory = useMessenger(selectKeepsHistory);
  const online = useMessenger((state) => state.session.state === 'online');
  const recent = useRecentLines(id, keepsHistory);
  // Only lines to show make a row of their own: the transcript's entries are otherwise its first rows.
  const earlier = useMemo(() => (recent.length > 0 ? <RecentLines lines={recent} /> : undefined), [recent]);
  useFocusRecord(id);

  const names = conversation?.participants.map((person) => stripPlus(person.friendlyName)).join(', ');
  // With more than one account in the app, the title says which one the conversation is on.
  const me = useMessenger((state) => (Object.keys(state.settings?.accounts ?? {}).length > 1 ? state.session.handle : undefined));
  useEffect(() => {
    document.title = strings.conversation.windowTitle(names || undefined, me);
  }, [names, me]);

  const close = useCallback(() => {
    void command('closeConversation', id).finally(() => window.close());
  }, [id]);
  const openInvite = useCallback(() => setDialog('invite'), []);
  const openFont = useCallback(() => setDialog('font'), []);
  const openSpelling = useCallback(() => setDialog('spelling'), []);
  const openShortcuts = useCallback(() => setDialog('shortcuts'), []);
  useConversationShortcuts(id, close);
  // Spelling is chosen per contact: in a conversation, the first person in it.
  const person = conversation?.participants[0];
  const spelling = useContactPreferences(person?.handle).spellCheckLanguage;
  const resend = useCallback(
    (messageId: string) => void runWithBanner('resendMessage', id, messageId),
    [id, runWithBanner],
  );

  if (!ready) return null;
  return (
    <div className="window conversation">
      <ConversationMenuBar onClose={close} onInvite={openInvite} onFont={openFont} onSpelling={openSpelling} onShortcuts={openShortcuts} />
      {conversation && (
        <ConversationToolbar
          conversation={conversation}
          contacts={contacts}
          onInvite={openInvite}
          onFont={openFont}
        />
      )}
      <Banner text={banner} onDismiss={dismissBanner} />
      {conversation ? (
        <main className="window__content">
          <Participants conversation={conversation} contacts={contacts} />
          {online && keepsHistory === undefined && <HistoryPrompt />}
          <Transcript conversation={conversation} contacts={contacts} onResend={resend} earlier={earlier} />
          <Composer conversationId={id} format={format} language={spelling} />
          <StatusBar conversation={conversation} contacts={contacts} />
        </main>
      ) : (
        <main className="window__content conversation__ended">
          <p role="status">{strings.conversation.ended}</p>
          <button type="button" className="button" onClick={() => window.close()}>
            {strings.close}
          </button>
        </main>
      )}
      {conversation && dialog === 'invite' && <InviteDialog conversation={conversation} onClose={() => setDialog(undefined)} />}
      {dialog === 'font' && <FontDialog format={format} onChange={setFormat} onClose={() => setDialog(undefined)} />}
      {dialog === 'spelling' && <SpellingDialog person={person} onClose={() => setDialog(undefined)} />}
      {dialog === 'shortcuts' && <KeyboardShortcutsDialog onClose={() => setDialog(undefined)} />}
      <LiveRegion conversationId={id} />
    </div>
  );
}
