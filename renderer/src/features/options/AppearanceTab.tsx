// Options > Appearance: the theme, the size of everything, and what to do with Plus! tags.

import { useId } from 'react';
import { THEME_CHOICES, UI_SCALES, type PlusTagMode, type UiScale } from '../../../../shared/preferences';
import { RadioGroup } from '../../components/RadioGroup';
import { strings } from '../../strings';
import type { DraftUpdate, OptionsDraft } from './draft';

const PLUS_TAG_MODES: readonly PlusTagMode[] = ['render', 'strip'];

export function AppearanceTab({ draft, update }: { readonly draft: OptionsDraft; readonly update: DraftUpdate }) {
  const scaleId = useId();
  return (
    <>
      <RadioGroup
        legend={strings.options.theme}
        choices={THEME_CHOICES}
        value={draft.theme}
        label={strings.options.themeLabel}
        onChange={(theme) => update({ theme })}
        testId="options-theme"
      />
      <div className="field field--inline">
        <label htmlFor={scaleId}>{strings.options.scale}</label>
        <select
          id={scaleId}
          value={draft.uiScale}
          data-testid="options-scale"
          onChange={(event) => update({ uiScale: Number(event.target.value) as UiScale })}
        >
          {UI_SCALES.map((scale) => (
            <option key={scale} value={scale}>
              {strings.options.scalePercent(scale)}
            </option>
          ))}
        </select>
      </div>
      <RadioGroup
        legend={strings.options.plusTags}
        choices={PLUS_TAG_MODES}
        value={draft.plusTags}
        label={strings.options.plusTagLabel}
        onChange={(plusTags) => update({ plusTags })}
        testId="options-plus"
      />
    </>
  );
}
