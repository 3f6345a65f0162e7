// The fonts the Font dialog offers, each with the Windows LOGFONT pitch-and-family byte MSN sends
// as `PF` (hex; §7.2): the high digit is the family, the low one the pitch. A receiver without the
// font picks one of the same family, so the byte must match the font.

/** Pitch: 1 fixed, 2 variable. Family: 1 roman, 2 swiss, 3 modern, 4 script, 5 decorative. */
const FONT_PITCH_FAMILY: ReadonlyMap<string, string> = new Map([
  ['MS Sans Serif', '22'],
  ['Arial', '22'],
  ['Comic Sans MS', '42'],
  ['Courier New', '31'],
  ['Georgia', '12'],
  ['Lucida Console', '31'],
  ['Tahoma', '22'],
  ['Times New Roman', '12'],
  ['Trebuchet MS', '22'],
  ['Verdana', '22'],
]);

export const FONTS: readonly string[] = [...FONT_PITCH_FAMILY.keys()];

/** The `PF` byte of one of the offered fonts; undefined for any other. */
export function pitchFamilyOf(font: string): string | undefined {
  return FONT_PITCH_FAMILY.get(font);
}

export { genericFamily } from '../../../../shared/message-style';
