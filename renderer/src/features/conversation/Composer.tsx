// Where I type: Enter sends, Shift+Enter starts a new line, and every keystroke tells main that I
// am typing (main alone decides how often the others hear it, §7.3). The text is kept if sending fails.

import { useId, useState, type KeyboardEvent } from 'react';
import type { MessageFormat } from '../../../../shared/model';
import { MAX_MESSAGE_LENGTH } from '../../../../shared/schemas';
import { command } from '../../bridge';
import { useCommandWithBanner } from '../../components/use-command';
import { strings } from '../../strings';
import { useSurface } from '../../theme/theme';
import { messageStyle } from './message-style';

interface ComposerProps {
  readonly conversationId: string;
  readonly format: MessageFormat;
  /** The spelling language chosen for this contact (BCP 47); the page's own otherwise. */
  readonly language?: string;
}

export function Composer({ conversationId, format, language }: ComposerProps) {
  const runWithBanner = useCommandWithBanner();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const hintId = useId();
  const surface = useSurface();

  const send = async () => {
    const sent = text;
    if (!sent.trim() || sending) return;
    setSending(true);
    const result = await runWithBanner('sendMessage', conversationId, sent, format);
    setSending(false);
    if (!result.ok) return;
    // Whatever was typed while the message was on its way stays.
    setText((current) => (current.startsWith(sent) ? current.slice(sent.length) : current));
  };

  const onChange = (value: string) => {
    setText(value);
    if (value) void command('sendTyping', conversationId);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send();
  };

  return (
    <div className="composer">
      <div className="composer__row">
        <textarea
          className="composer__input"
          value={text}
          maxLength={MAX_MESSAGE_LENGTH}
          aria-label={strings.conversation.composer}
          aria-describedby={hintId}
          style={messageStyle(format, surface)}
          // The browser host's browser checks with its own dictionaries (lang picks one where it can);
          // the desktop app's checker follows the same choice in main/electron/spell-check.ts.
          spellCheck
          lang={language}
          data-testid="composer"
          autoFocus
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="button button--primary composer__send"
          disabled={!text.trim() || sending}
          onClick={() => void send()}
          data-testid="send"
        >
          {strings.conversation.send}
        </button>
      </div>
      <p id={hintId} className="visually-hidden">
        {strings.conversation.composerHint}
      </p>
    </div>
  );
}
