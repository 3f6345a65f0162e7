// The conversation so far: messages with "X says:", their time and the sender's format, and
// system lines. It is a log region, so new entries are announced. Text is always rendered as
// text: names and messages from the network never become markup.

import { memo, useLayoutEffect, useRef } from 'react';
import type { ChatMessage, Conversation, SystemLine } from '../../../../shared/model';
import { strings } from '../../strings';
import { messageStyle } from './message-style';
import { formatTime } from './time-format';

/** Within this many pixels of the bottom, new entries keep the transcript scrolled down. */
const STICK_TO_BOTTOM_PX = 40;

const Message = memo(function Message({ message, onResend }: { readonly message: ChatMessage; readonly onResend: (id: string) => void }) {
  const failed = message.delivery === 'failed';
  return (
    <div className={`entry entry--message entry--${message.delivery}`} data-testid="message" data-delivery={message.delivery}>
      {failed && <p className="entry__failed">{strings.conversation.notDelivered}</p>}
      <p className="entry__says">
        <span className="entry__sender">{strings.conversation.says(message.fromName)}</span>{' '}
        <time className="entry__time" dateTime={new Date(message.sentAt).toISOString()}>
          {formatTime(message.sentAt)}
        </time>
        {message.delivery === 'sending' && <span className="entry__sending"> {strings.conversation.sending}</span>}
      </p>
      <p className="entry__text" style={messageStyle(message.format)} data-testid="message-text">
        {message.text}
      </p>
      {failed && (
        <p className="entry__failed-actions">
          {message.failedFor && message.failedFor.length > 0 && (
            <span className="entry__failed-for">{strings.conversation.notDeliveredTo(message.failedFor)} </span>
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
      {line.text}
    </p>
  );
});

export function Transcript({ conversation, onResend }: { readonly conversation: Conversation; readonly onResend: (id: string) => void }) {
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
          <Message key={entry.id} message={entry} onResend={onResend} />
        ) : (
          <SystemEntry key={entry.id} line={entry} />
        ),
      )}
    </div>
  );
}
