// The history window's right side: one saved conversation, as its window showed it, scrolled to
// the message a search hit points at (marked until another is chosen).

import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { HistoryConversation } from '../../../../shared/history';
import { command } from '../../bridge';
import { RichText } from '../../components/rich-text/RichText';
import { strings } from '../../strings';
import { messageStyle } from '../conversation/message-style';
import { SaysLine } from '../conversation/Transcript';
import { conversationDate, conversationNames } from './HistoryContacts';

interface HistoryConversationViewProps {
  readonly conversationId: string | undefined;
  readonly messageId: string | undefined;
  /** Bumped after a delete, so a conversation that changed is asked for again. */
  readonly generation: number;
}

export function HistoryConversationView({ conversationId, messageId, generation }: HistoryConversationViewProps) {
  const [loaded, setLoaded] = useState<{ readonly id: string; readonly conversation: HistoryConversation | null; readonly error?: string }>();
  const logRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (conversationId === undefined) return;
    let current = true;
    void command('historyConversation', conversationId).then((answer) => {
      if (!current) return;
      setLoaded(answer.ok ? { id: conversationId, conversation: answer.value } : { id: conversationId, conversation: null, error: strings.error(answer.error) });
    });
    return () => {
      current = false;
    };
  }, [conversationId, generation]);
  const shown = conversationId !== undefined && loaded?.id === conversationId ? loaded : undefined;
  const conversation = shown?.conversation ?? null;
  const error = shown?.error;

  useLayoutEffect(() => {
    const log = logRef.current;
    if (!log) return;
    const target = messageId === undefined ? null : log.querySelector<HTMLElement>(`[data-id="${CSS.escape(messageId)}"]`);
    if (target) target.scrollIntoView({ block: 'center' });
    else log.scrollTop = log.scrollHeight;
  }, [conversation, messageId]);

  if (error) return <p className="form-error">{error}</p>;
  if (!conversation) return <p className="hint history__empty">{strings.history.choose}</p>;
  const { summary, messages } = conversation;
  return (
    <div className="history-conversation">
      <h2 className="history-conversation__title" data-testid="history-conversation-title">
        {strings.history.conversationLabel(conversationNames(summary), conversationDate(summary))}
      </h2>
      <div ref={logRef} className="transcript history-conversation__log" tabIndex={0} data-testid="history-transcript">
        {messages.map((message) => (
          <div
            key={message.id}
            className={`entry entry--message${message.id === messageId ? ' entry--found' : ''}`}
            data-testid="history-message"
            data-id={message.id}
          >
            <SaysLine fromName={message.fromName} sentAt={message.sentAt}>
              {' '}
              <span className="entry__time">{strings.history.deliveryNote(message.delivery)}</span>
            </SaysLine>
            <p className="entry__text" style={messageStyle(message.format)} data-testid="history-message-text">
              <RichText text={message.text} />
            </p>
          </div>
        ))}
      </div>
    </div>
  );
}
