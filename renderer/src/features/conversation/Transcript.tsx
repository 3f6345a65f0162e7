// The conversation so far: messages with "X says:", their time and the sender's format, and
// system lines, drawn through the virtual list so a transcript of thousands opens as fast as one of
// ten. It opens at the newest entry and stays there as entries arrive while the reader is at the
// bottom. A long conversation's window holds only its newest entries: older ones are asked for a
// page at a time as their rows are drawn (older-entries.ts), shown as "Loading" until they come. It is a log that screen readers can browse, but not a live one: entries drawn as the
// reader scrolls would be read out as new, so the window's live region announces new messages.
// Text is always rendered as text: names and messages from the network never become markup.

import { memo, useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type ReactNode } from 'react';
import { contactIn } from '../../../../shared/contacts';
import type { ChatMessage, Conversation, MessengerState, SystemLine, TranscriptEntry } from '../../../../shared/model';
import { stripPlus } from '../../../../shared/plus-tags';
import { RichText } from '../../components/rich-text/RichText';
import { useVirtualList, VirtualRows } from '../../components/VirtualList';
import { strings } from '../../strings';
import { useSurface } from '../../theme/theme';
import { messageStyle } from './message-style';
import { useOlderEntries } from './older-entries';
import { formatTime } from './time-format';

/** A two-line message with its margin, before it is measured. */
const ESTIMATED_ENTRY_HEIGHT = 40;

interface MessageProps {
  readonly message: ChatMessage;
  /** For a failed message: the names of those it did not reach, in `failedFor`'s order. */
  readonly failedForNames?: readonly string[];
  readonly onResend: (id: string) => void;
}

const Message = memo(function Message({ message, failedForNames, onResend }: MessageProps) {
  const failed = message.delivery === 'failed';
  const surface = useSurface();
  return (
    <div
      className={`entry entry--message entry--${message.delivery}${message.automatic ? ' entry--automatic' : ''}`}
      data-testid="message"
      data-delivery={message.delivery}
      data-automatic={message.automatic}
    >
      {failed && <p className="entry__failed">{strings.conversation.notDelivered}</p>}
      <SaysLine fromName={message.fromName} sentAt={message.sentAt}>
        {message.automatic && <span className="entry__automatic"> {strings.conversation.automatic}</span>}
        {message.delivery === 'sending' && <span className="entry__sending"> {strings.conversation.sending}</span>}
      </SaysLine>
      <p className="entry__text" style={messageStyle(message.format, surface)} data-testid="message-text">
        <RichText text={message.text} />
      </p>
      {failed && (
        <p className="entry__failed-actions">
          {failedForNames && failedForNames.length > 0 && (
            <span className="entry__failed-for" title={message.failedFor?.join(', ')}>
              {strings.conversation.notDeliveredTo(failedForNames)}{' '}
            </span>
          )}
          <button type="button" className="button" onClick={() => onResend(message.id)} data-testid="resend">
            {strings.conversation.resend}
          </button>
        </p>
      )}
    </div>
  );
});

/** "X says: 10:42 PM" above a message, with whatever the view adds after the time. */
export function SaysLine({ fromName, sentAt, children }: { readonly fromName: string; readonly sentAt: number; readonly children?: ReactNode }) {
  return (
    <p className="entry__says">
      <span className="entry__sender">
        <RichText text={fromName} /> {strings.conversation.saysAfterName}
      </span>{' '}
      <time className="entry__time" dateTime={new Date(sentAt).toISOString()}>
        {formatTime(sentAt)}
      </time>
      {children}
    </p>
  );
}

const SystemEntry = memo(function SystemEntry({ line }: { readonly line: SystemLine }) {
  return (
    <p className={`entry entry--system entry--${line.kind}`} data-testid="system-line" data-kind={line.kind}>
      {strings.transcriptLine(line.event)}
    </p>
  );
});

interface TranscriptProps {
  readonly conversation: Conversation;
  /** For the names of people who are no longer in the conversation. */
  readonly contacts: MessengerState['contacts'];
  readonly onResend: (id: string) => void;
  /** Shown above the entries: lines from earlier conversations. */
  readonly earlier?: ReactNode;
}

/** Someone's name as the conversation or the contact list knows it; the address otherwise. */
function nameOf(handle: string, conversation: Conversation, contacts: MessengerState['contacts']): string {
  const participant = conversation.participants.find((person) => person.handle === handle);
  return stripPlus(participant?.friendlyName ?? contactIn(contacts, handle)?.friendlyName ?? handle);
}

/** The id of the entry whose row holds `element`, if any (`offset`: rows drawn before the first entry). */
function entryIdOf(element: EventTarget | null, entryAt: (index: number) => TranscriptEntry | undefined, offset: number): string | undefined {
  const row = element instanceof Element ? element.closest('[data-index]') : null;
  return row ? entryAt(Number(row.getAttribute('data-index')) - offset)?.id : undefined;
}

function LoadingEntry() {
  return (
    <p className="entry entry--loading" data-testid="loading-entry" aria-busy="true">
      {strings.conversation.loadingEarlier}
    </p>
  );
}

export function Transcript({ conversation, contacts, onResend, earlier }: TranscriptProps) {
  const { entries } = conversation;
  // A long conversation's window holds its newest entries; the older ones come as they are drawn.
  const older = conversation.olderEntries ?? 0;
  const olderEntries = useOlderEntries(conversation.id, older);
  const { entry: olderEntry, want: wantOlder } = olderEntries;
  const entryAt = useCallback((index: number) => (index >= older ? entries[index - older] : olderEntry(index)), [entries, older, olderEntry]);
  // Lines from earlier conversations, when there are any, are the list's first row.
  const offset = earlier ? 1 : 0;
  const viewportRef = useRef<HTMLDivElement>(null);
  // Keyboard focus on a Resend button keeps its row drawn, however far the transcript scrolls.
  const [focusedId, setFocusedId] = useState<string | undefined>(undefined);
  const focusedAt = focusedId === undefined ? -1 : entries.findIndex((entry) => entry.id === focusedId);
  const focusedIndex = focusedAt >= 0 ? older + focusedAt : -1;
  const keepIndices = useMemo(() => (focusedIndex >= 0 ? [focusedIndex + offset] : []), [focusedIndex, offset]);
  const virtualizer = useVirtualList(
    useCallback(() => viewportRef.current, []),
    {
      count: older + entries.length + offset,
      // An entry's place is its identity: entries are only ever appended (a message that changes is
      // replaced where it is). So a row keeps its key, and its measured height, from the moment it
      // is drawn loading to when its entry has come, and the key function never changes with them.
      rowKey: useCallback((index: number) => (index < offset ? 'earlier' : index - offset), [offset]),
      estimateHeight: ESTIMATED_ENTRY_HEIGHT,
      keepIndices,
      stickToEnd: true,
      // Entries are only appended; the row of earlier conversations' lines, when there is one, is
      // added above them as the window opens, while the reader is at the end.
      appendOnly: true,
      // The transcript opens with its window: its rows are drawn in the frames after the window's own.
      rowsAfterFirstPaint: true,
      padding: 4,
    },
  );
  const drawn = virtualizer.getVirtualItems();
  useEffect(() => wantOlder(drawn.map((row) => row.index - offset)), [drawn, offset, wantOlder]);

  const renderRow = (index: number) => {
    if (index < offset) return earlier;
    const entry = entryAt(index - offset);
    if (!entry) return index - offset < older ? <LoadingEntry /> : null;
    return entry.type === 'message' ? (
      <Message message={entry} failedForNames={entry.failedFor?.map((handle) => nameOf(handle, conversation, contacts))} onResend={onResend} />
    ) : (
      <SystemEntry line={entry} />
    );
  };

  return (
    <VirtualRows
      virtualizer={virtualizer}
      viewportRef={viewportRef}
      className="transcript"
      role="log"
      aria-live="off"
      aria-label={strings.conversation.transcript}
      tabIndex={0}
      data-testid="transcript"
      renderRow={renderRow}
      onFocus={(event: FocusEvent) => setFocusedId(entryIdOf(event.target, entryAt, offset))}
      onBlur={(event: FocusEvent) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setFocusedId(undefined);
      }}
    />
  );
}
