// The per-contact fields, shared by the contact's Properties and the conversation's Spelling dialog:
// "Alert me when X signs in", the contact's sound (with a button to hear it), and the spelling
// language of conversations with them.

import { useId } from 'react';
import { CONTACT_SOUNDS, type ContactPreferences, type ContactSound } from '../../../../shared/preferences';
import { Checkbox } from '../../components/Checkbox';
import { useMessenger } from '../../store/context';
import { selectSettings } from '../../store/selectors';
import { strings } from '../../strings';
import { playContactSound } from '../alerts/chimes';
import { languageName, spellingLanguages } from './languages';

interface FieldsProps {
  readonly name: string;
  readonly value: ContactPreferences;
  readonly onChange: (value: ContactPreferences) => void;
}

export function AlertFields({ name, value, onChange }: FieldsProps) {
  const soundId = useId();
  return (
    <fieldset className="fieldset">
      <legend>{strings.contactPreferences.alerts}</legend>
      <Checkbox
        label={strings.contactPreferences.alertOnSignIn(name)}
        checked={value.alertOnSignIn}
        onChange={(alertOnSignIn) => onChange({ ...value, alertOnSignIn })}
        testId="contact-alert-sign-in"
      />
      <div className="field field--inline">
        <label htmlFor={soundId}>{strings.contactPreferences.sound}</label>
        <select
          id={soundId}
          value={value.sound}
          data-testid="contact-sound"
          onChange={(event) => onChange({ ...value, sound: event.target.value as ContactSound })}
        >
          {CONTACT_SOUNDS.map((sound) => (
            <option key={sound} value={sound}>
              {strings.contactPreferences.soundLabel(sound)}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={value.sound === 'none'} onClick={() => playContactSound(value.sound, 'online')}>
          {strings.contactPreferences.play}
        </button>
      </div>
    </fieldset>
  );
}

export function SpellingField({ value, onChange }: Omit<FieldsProps, 'name'>) {
  const id = useId();
  const available = useMessenger(selectSettings)?.spellCheckLanguages;
  const languages = spellingLanguages(available);
  const current = value.spellCheckLanguage;
  const listed = current === undefined || languages.includes(current) ? languages : [current, ...languages];
  return (
    <div className="field">
      <label htmlFor={id}>{strings.contactPreferences.spelling}</label>
      <select
        id={id}
        value={current ?? ''}
        data-testid="contact-spelling"
        onChange={(event) => {
          const { spellCheckLanguage: _old, ...rest } = value;
          onChange(event.target.value === '' ? rest : { ...rest, spellCheckLanguage: event.target.value });
        }}
      >
        <option value="">{strings.contactPreferences.spellingDefault}</option>
        {listed.map((tag) => (
          <option key={tag} value={tag}>
            {languageName(tag)}
          </option>
        ))}
      </select>
    </div>
  );
}
