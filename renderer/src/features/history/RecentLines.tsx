// The last lines of earlier conversations with the same people, greyed, above the new ones. Asked
// for once, when the window opens; they are history, not part of this conversation.

import { useEffect, useState } from 'react';
import type { HistoryMessage } from '../../../../shared/history';
import { command } from '../../bridge';
import { RichText } from '../../components/rich-text/RichText';
import { strings } from '../../strings';
import { formatDate, formatTime } from '../conversation/time-format';
import { messageStyle } from '../conversation/message-style';

export function useRecentLines(conversationId: string, keepsHistory: boolean | undefined): readonly HistoryMessage[] {
  const [lines, setLines] = useState<readonly HistoryMessage[]>([]);
  useEffect(() => {
    if (!keepsHistory) return;
    let current = true;
    void command('historyRecent', conversationId).then((result) => {
      if (current && result.ok) setLines(result.value);
    });
    return () => {
      current = false;
    };
  }, [conversationId, keepsHistory]);
  return lines;
}

export function RecentLines({ lines }: { readonly lines: readonly HistoryMessage[] }) {
  if (lines.length === 0) return null;
  return (
    <section className="recent-lines" aria-label={strings.history.recentLines} data-testid="recent-lines">
      {lines.map((line) => (
        <div key={line.id} className="entry entry--message entry--earlier" data-testid="recent-line">
          <p className="entry__says">
            <span className="entry__sender">
              <RichText text={line.fromName} /> {strings.conversation.saysAfterName}
            </span>{' '}
            <time className="entry__time" dateTime={new Date(line.sentAt).toISOString()}>
              {formatDate(line.sentAt)} {formatTime(line.sentAt)}
            </time>
          </p>
          <p className="entry__text" style={messageStyle(line.format)}>
            {line.text}
          </p>
        </div>
      ))}
    </section>
  );
}
