// The history window's left side while searching: the messages found, newest first, with the
// words that matched marked. A click opens the message in its conversation.

import type { HistoryHit, HistorySearchResult } from '../../../../shared/history';
import { strings } from '../../strings';
import { formatDate, formatTime } from '../conversation/time-format';
import type { HistorySelection } from './HistoryContacts';

interface HistorySearchResultsProps {
  readonly result: HistorySearchResult | undefined;
  readonly pending: boolean;
  readonly error: string | undefined;
  readonly selection: HistorySelection;
  readonly onSelect: (selection: HistorySelection) => void;
}

function Hit({ hit, selected, onSelect }: { readonly hit: HistoryHit; readonly selected: boolean; readonly onSelect: () => void }) {
  const { message } = hit;
  return (
    <li>
      <button type="button" className="history-hit" aria-current={selected} onClick={onSelect} data-testid="history-hit" data-id={message.id}>
        <span className="history-hit__who">{strings.history.hitLabel(message.fromName, `${formatDate(message.sentAt)} ${formatTime(message.sentAt)}`)}</span>
        <span className="history-hit__text">
          {hit.parts.map((part, index) => (part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
        </span>
      </button>
    </li>
  );
}

export function HistorySearchResults({ result, pending, error, selection, onSelect }: HistorySearchResultsProps) {
  const status = error ?? (result ? strings.history.hits(result.hits.length, result.truncated) : pending ? strings.history.searching : '');
  return (
    <>
      <p className="history__found" role="status" data-testid="history-found">
        {status}
      </p>
      {result && (
        <ul className="history-hits" aria-label={strings.history.search} data-testid="history-hits">
          {result.hits.map((hit) => (
            <Hit
              key={hit.message.id}
              hit={hit}
              selected={hit.message.id === selection.messageId}
              onSelect={() => onSelect({ handle: hit.with[0], conversationId: hit.message.conversationId, messageId: hit.message.id })}
            />
          ))}
        </ul>
      )}
    </>
  );
}
