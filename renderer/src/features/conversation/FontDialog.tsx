// Format > Font: the font, style and colour of my messages, with a preview.

import { useId, useState } from 'react';
import type { MessageFormat } from '../../../../shared/model';
import { Checkbox } from '../../components/Checkbox';
import { Dialog } from '../../components/Dialog';
import { SubmitAndCancel } from '../../components/DialogButtons';
import { strings } from '../../strings';
import { useSurface } from '../../theme/theme';
import { FONTS, pitchFamilyOf } from './fonts';
import { messageStyle } from './message-style';

type StyleKey = 'bold' | 'italic' | 'underline' | 'strikethrough';
const STYLES: readonly StyleKey[] = ['bold', 'italic', 'underline', 'strikethrough'];

interface FontDialogProps {
  readonly format: MessageFormat;
  readonly onChange: (format: MessageFormat) => void;
  readonly onClose: () => void;
}

export function FontDialog({ format, onChange, onClose }: FontDialogProps) {
  const [draft, setDraft] = useState(format);
  const fontId = useId();
  const colourId = useId();
  const surface = useSurface();
  const fonts = FONTS.includes(draft.font) ? FONTS : [draft.font, ...FONTS];

  return (
    <Dialog title={strings.font.title} onClose={onClose} testId="font-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onChange(draft);
          onClose();
        }}
      >
        <div className="field">
          <label htmlFor={fontId}>{strings.font.name}</label>
          <select
            id={fontId}
            value={draft.font}
            data-autofocus
            data-testid="font-name"
            onChange={(event) => {
              const font = event.target.value;
              setDraft({ ...draft, font, pitchFamily: pitchFamilyOf(font) ?? draft.pitchFamily });
            }}
          >
            {fonts.map((font) => (
              <option key={font} value={font}>
                {font}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="fieldset">
          <legend>{strings.font.style}</legend>
          {STYLES.map((key) => (
            <Checkbox
              key={key}
              label={strings.font[key]}
              checked={draft[key]}
              onChange={(checked) => setDraft({ ...draft, [key]: checked })}
              testId={`font-${key}`}
            />
          ))}
        </fieldset>
        <div className="field field--inline">
          <label htmlFor={colourId}>{strings.font.color}</label>
          <input
            id={colourId}
            type="color"
            value={draft.color}
            data-testid="font-color"
            onChange={(event) => setDraft({ ...draft, color: event.target.value })}
          />
        </div>
        <p className="font-preview" aria-label={strings.font.preview} style={messageStyle(draft, surface)}>
          {strings.font.sample}
        </p>
        <SubmitAndCancel testId="font-ok" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
