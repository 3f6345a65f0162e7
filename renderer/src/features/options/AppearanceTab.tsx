// Options > Appearance: the theme, the size of everything, and what to do with Plus! tags.

import { useId } from 'react';
import { THEME_CHOICES, UI_SCALES, type PlusTagMode, type UiScale } from '../../../../shared/preferences';
import { strings } from '../../strings';
import type { DraftUpdate, OptionsDraft } from './draft';

const PLUS_TAG_MODES: readonly PlusTagMode[] = ['render', 'strip'];

export function AppearanceTab({ draft, update }: { readonly draft: OptionsDraft; readonly update: DraftUpdate }) {
  const name = useId();
  const scaleId = useId();
  return (
    <>
      <fieldset className="fieldset">
        <legend>{strings.options.theme}</legend>
        {THEME_CHOICES.map((theme) => (
          <label key={theme} className="field field--inline">
            <input
              type="radio"
              name={`${name}-theme`}
              checked={draft.theme === theme}
              onChange={() => update({ theme })}
              data-testid={`options-theme-${theme}`}
            />
            {strings.options.themeLabel(theme)}
          </label>
        ))}
      </fieldset>
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
      <fieldset className="fieldset">
        <legend>{strings.options.plusTags}</legend>
        {PLUS_TAG_MODES.map((mode) => (
          <label key={mode} className="field field--inline">
            <input
              type="radio"
              name={`${name}-plus`}
              checked={draft.plusTags === mode}
              onChange={() => update({ plusTags: mode })}
              data-testid={`options-plus-${mode}`}
            />
            {strings.options.plusTagLabel(mode)}
          </label>
        ))}
      </fieldset>
    </>
  );
}
