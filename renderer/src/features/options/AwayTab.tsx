// Options > Away: the automatic reply, one text per away status. Off until the box is ticked.

import { useId } from 'react';
import { AWAY_STATUSES, MAX_AUTO_REPLY_LENGTH, type AwayStatus } from '../../../../shared/preferences';
import { Checkbox } from '../../components/Checkbox';
import { strings } from '../../strings';
import type { DraftUpdate, OptionsDraft } from './draft';

function ReplyField({ status, draft, update }: { readonly status: AwayStatus; readonly draft: OptionsDraft; readonly update: DraftUpdate }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{strings.options.autoReplyFor(strings.statusLabel(status))}</label>
      <textarea
        id={id}
        className="text-input options__reply"
        rows={2}
        maxLength={MAX_AUTO_REPLY_LENGTH}
        value={draft.autoReplies[status] ?? ''}
        disabled={!draft.autoReply}
        data-testid={`options-auto-reply-${status}`}
        onChange={(event) => update({ autoReplies: { ...draft.autoReplies, [status]: event.target.value } })}
      />
    </div>
  );
}

export function AwayTab({ draft, update }: { readonly draft: OptionsDraft; readonly update: DraftUpdate }) {
  return (
    <>
      <Checkbox label={strings.options.autoReply} checked={draft.autoReply} onChange={(autoReply) => update({ autoReply })} testId="options-auto-reply" />
      <p className="hint">{strings.options.autoReplyHint}</p>
      {AWAY_STATUSES.map((status) => (
        <ReplyField key={status} status={status} draft={draft} update={update} />
      ))}
    </>
  );
}
