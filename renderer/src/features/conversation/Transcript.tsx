// The conversation so far: messages with "X says:", their time and the sender's format, and
// system lines. It is a log region, so new entries are announced. Text is always rendered as
// text: names and messages from the network never become markup.

import { memo, useLayoutEffect, useRef } from 'react';
import type { ChatMessage, Conversation, MessengerState, SystemLine } from '../../../../shared/model';
import { stripPlus } from '../../../../shared/plus-tags';
import { RichText } from '../../components/rich-text/RichText';
import { strings } from '../../strings';
import { useSurface } from '../../theme/theme';
import { messageStyle } from './message-style';
import { formatTime } from './time-format';

/** Within this many pixels of the bottom, new entries keep the transcript scrolled down. */
const STICK_TO_BOTTOM_PX = 40;

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
      <p className="entry__says">
        <span className="entry__sender">
          <RichText text={message.fromName} /> {strings.conversation.saysAfterName}
        </span>{' '}
        <time className="entry__time" dateTime={new Date(message.sentAt).toISOString()}>
          {formatTime(message.sentAt)}
        </time>
        {message.automatic && <span className="entry__automatic"> {strings.conversation.automatic}</span>}
        {message.delivery === 'sending' && <span className="entry__sending"> {strings.conversation.sending}</span>}
      </p>
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
}

/** Someone's name as the conversation or the contact list knows it; the address otherwise. */
function nameOf(handle: string, conversation: Conversation, contacts: MessengerState['contacts']): string {
  const participant = conversation.participants.find((person) => person.handle === handle);
  return stripPlus(participant?.friendlyName ?? contacts[handle]?.friendlyName ?? handle);
}

export function Transcript({ conversation, contacts, onResend }: TranscriptProps) {
  const logRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);

  useLayoutEffect(() => {
    const log = logRef.current;
    if (log && atBottom.current) log.scrollTop = log.scrollHeight;
  }, [conversation.entries]);

  return (
    <div
      ref={logRef}
      className="transcript"
      role="log"
      aria-label={strings.conversation.transcript}
      tabIndex={0}
      data-testid="transcript"
      onScroll={(event) => {
        const log = event.currentTarget;
        atBottom.current = log.scrollHeight - log.scrollTop - log.clientHeight < STICK_TO_BOTTOM_PX;
      }}
    >
      {conversation.entries.map((entry) =>
        entry.type === 'message' ? (
          <Message
            key={entry.id}
            message={entry}
            failedForNames={entry.failedFor?.map((handle) => nameOf(handle, conversation, contacts))}
            onResend={onResend}
          />
        ) : (
          <SystemEntry key={entry.id} line={entry} />
        ),
      )}
    </div>
  );
}
