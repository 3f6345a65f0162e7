// The one-time question, in the first conversation after signing in: keep a history on this
// computer? Until it is answered nothing is kept ("No" is the default, drawn as the main button),
// and the answer becomes the account's Options setting. It never takes the composer's focus.

import { useId } from 'react';
import { useCommandWithBanner } from '../../components/use-command';
import { strings } from '../../strings';

export function HistoryPrompt() {
  const questionId = useId();
  const runWithBanner = useCommandWithBanner();
  const answer = (keep: boolean) => void runWithBanner('setHistoryEnabled', keep);
  return (
    <section className="history-prompt" role="group" aria-labelledby={questionId} data-testid="history-prompt">
      <p id={questionId} className="history-prompt__question">
        {strings.history.promptQuestion}
      </p>
      <p className="history-prompt__explanation">{strings.history.promptExplanation}</p>
      <div className="history-prompt__buttons">
        <button type="button" className="button" onClick={() => answer(true)} data-testid="history-prompt-yes">
          {strings.history.promptYes}
        </button>
        <button type="button" className="button button--primary" onClick={() => answer(false)} data-testid="history-prompt-no">
          {strings.history.promptNo}
        </button>
      </div>
    </section>
  );
}
