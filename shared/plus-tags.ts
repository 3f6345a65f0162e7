// Messenger Plus! text tags, as revival users still type them in names and messages: `[b]`, `[i]`,
// `[u]`, `[s]`, colour `[c=4]…[/c]` / `[c=#ff8800]…[/c]`, background `[a=…]…[/a]`, and gradients
// that close with a second colour, `[c=4]…[/c=12]`. Pure: the parser turns text into styled runs of
// plain text (never markup), and a tag without its partner is text, shown as typed.
//
// Tags pair like brackets, per kind: a closing tag closes the latest open tag of its kind, so
// `[b][i]x[/b]y[/i]` is bold "x" and italic "xy", as Plus! drew it.

export interface PlusStyle {
  readonly bold?: true;
  readonly italic?: true;
  readonly underline?: true;
  readonly strikethrough?: true;
  /** `#rrggbb`. */
  readonly color?: string;
  /** `#rrggbb`, the `[a=…]` highlight. */
  readonly background?: string;
}

export interface PlusRun {
  readonly text: string;
  readonly style: PlusStyle;
}

/**
 * Plus!'s numbered colours 0–15 (the mIRC palette it took them from). Plus! Live numbered more; a
 * higher number is still a tag (it is removed) but its shade is not known here, so it adds no colour.
 */
const PALETTE = [
  '#ffffff', '#000000', '#00007f', '#009300', '#ff0000', '#7f0000', '#9c009c', '#fc7f00',
  '#ffff00', '#00fc00', '#009393', '#00ffff', '#0000fc', '#ff00ff', '#7f7f7f', '#d2d2d2',
] as const;

const NAMED: Readonly<Record<string, string>> = {
  white: '#ffffff', black: '#000000', navy: '#00007f', green: '#009300', red: '#ff0000', brown: '#7f0000',
  maroon: '#7f0000', purple: '#9c009c', orange: '#fc7f00', yellow: '#ffff00', lime: '#00fc00', teal: '#009393',
  aqua: '#00ffff', cyan: '#00ffff', blue: '#0000fc', pink: '#ff00ff', fuchsia: '#ff00ff', gray: '#7f7f7f',
  grey: '#7f7f7f', silver: '#d2d2d2',
};

/** Largest colour number still read as a Plus! colour. */
const MAX_COLOUR_NUMBER = 99;
/** A gradient never becomes more spans than this, however long its text. */
const MAX_GRADIENT_STEPS = 128;

type Kind = 'b' | 'i' | 'u' | 's' | 'c' | 'a';
/** A colour value: a known shade, or a well-formed number whose shade is unknown (null). */
type Colour = string | null;

interface Tag {
  readonly kind: Kind;
  readonly closing: boolean;
  readonly colour?: Colour;
  readonly start: number;
  readonly end: number;
}

interface Range {
  readonly kind: Kind;
  readonly from: number;
  readonly to: number;
  readonly colour?: Colour;
  readonly endColour?: Colour;
}

const TAG = /\[(\/?)([a-z])(?:=([^[\]]{1,16}))?\]/gi;
const STYLE_KINDS = new Set<Kind>(['b', 'i', 'u', 's']);
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A `[c=…]`/`[a=…]` value as a colour; undefined when it is not one (the tag is then text). */
function colourOf(value: string): Colour | undefined {
  const word = value.trim().toLowerCase();
  if (/^#?[0-9a-f]{6}$/.test(word)) return `#${word.replace('#', '')}`;
  if (/^\d{1,2}$/.test(word)) {
    const index = Number(word);
    if (index > MAX_COLOUR_NUMBER) return undefined;
    return PALETTE[index] ?? null;
  }
  return NAMED[word];
}

/** The tag at a regex match, or undefined when the brackets hold something that is not a Plus! tag. */
function readTag(match: RegExpExecArray): Tag | undefined {
  const [whole, slash, name = '', value] = match;
  const kind = name.toLowerCase() as Kind;
  const closing = slash === '/';
  const base = { kind, closing, start: match.index, end: match.index + whole.length };
  if (STYLE_KINDS.has(kind)) return value === undefined ? base : undefined;
  if (kind !== 'c' && kind !== 'a') return undefined;
  if (value === undefined) return closing ? base : undefined;
  const colour = colourOf(value);
  return colour === undefined ? undefined : { ...base, colour };
}

/** Every matched pair as the range of text it styles; the tags of matched pairs in `removed`. */
function pairTags(text: string): { ranges: Range[]; removed: Tag[] } {
  const open = new Map<Kind, Tag[]>();
  const ranges: Range[] = [];
  const removed: Tag[] = [];
  for (const match of text.matchAll(TAG)) {
    const tag = readTag(match);
    if (!tag) continue;
    const stack = open.get(tag.kind) ?? [];
    open.set(tag.kind, stack);
    if (!tag.closing) {
      stack.push(tag);
      continue;
    }
    const opener = stack.pop();
    if (!opener) continue;
    removed.push(opener, tag);
    ranges.push({
      kind: tag.kind,
      from: opener.end,
      to: tag.start,
      ...(opener.colour !== undefined && { colour: opener.colour }),
      ...(tag.colour !== undefined && { endColour: tag.colour }),
    });
  }
  removed.sort((a, b) => a.start - b.start);
  return { ranges, removed };
}

function mix(from: string, to: string, t: number): string {
  const channel = (hex: string, at: number) => Number.parseInt(hex.slice(at, at + 2), 16);
  let out = '#';
  for (const at of [1, 3, 5]) {
    const value = Math.round(channel(from, at) + (channel(to, at) - channel(from, at)) * t);
    out += value.toString(16).padStart(2, '0');
  }
  return out;
}

/** The text pieces between removed tags, each with where it starts in the original. */
function pieces(text: string, removed: readonly Tag[]): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let at = 0;
  for (const tag of removed) {
    if (tag.start > at) out.push({ text: text.slice(at, tag.start), at });
    at = tag.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), at });
  return out;
}

interface Cell {
  readonly text: string;
  readonly at: number;
}

/** The visible text as graphemes with their positions: gradients step per grapheme. */
function cells(text: string, removed: readonly Tag[]): Cell[] {
  return pieces(text, removed).flatMap((piece) =>
    Array.from(graphemes.segment(piece.text), ({ segment, index }) => ({ text: segment, at: piece.at + index })),
  );
}

/** The innermost range of a kind covering `at`: the one that opened last. */
function innermost(ranges: readonly Range[], kind: Kind, at: number): Range | undefined {
  let found: Range | undefined;
  for (const range of ranges) {
    if (range.kind === kind && range.from <= at && at < range.to && (!found || range.from >= found.from)) found = range;
  }
  return found;
}

/** Where each visible grapheme of a gradient sits in it, counted once per range. */
type GradientPlaces = Map<Range, { readonly index: ReadonlyMap<number, number>; readonly count: number }>;

function colourAt(range: Range | undefined, at: number, visible: readonly Cell[], places: GradientPlaces): string | undefined {
  if (!range?.colour) return undefined;
  if (!range.endColour) return range.colour;
  let place = places.get(range);
  if (!place) {
    const inside = visible.filter((cell) => range.from <= cell.at && cell.at < range.to);
    place = { index: new Map(inside.map((cell, index) => [cell.at, index])), count: inside.length };
    places.set(range, place);
  }
  const steps = Math.min(place.count, MAX_GRADIENT_STEPS);
  const step = Math.floor(((place.index.get(at) ?? 0) * steps) / Math.max(1, place.count));
  return mix(range.colour, range.endColour, steps <= 1 ? 0 : step / (steps - 1));
}

function sameStyle(a: PlusStyle, b: PlusStyle): boolean {
  return (
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.underline === b.underline &&
    a.strikethrough === b.strikethrough &&
    a.color === b.color &&
    a.background === b.background
  );
}

/** The text as runs of plain text, each with its style; adjacent runs differ in style. */
export function parsePlus(text: string): PlusRun[] {
  if (!text.includes('[')) return text === '' ? [] : [{ text, style: {} }];
  const { ranges, removed } = pairTags(text);
  if (ranges.length === 0) return [{ text, style: {} }];
  const visible = cells(text, removed);
  const places: GradientPlaces = new Map();
  const runs: PlusRun[] = [];
  for (const cell of visible) {
    const on = (kind: Kind) => innermost(ranges, kind, cell.at) !== undefined;
    const color = colourAt(innermost(ranges, 'c', cell.at), cell.at, visible, places);
    const background = colourAt(innermost(ranges, 'a', cell.at), cell.at, visible, places);
    const style: PlusStyle = {
      ...(on('b') && { bold: true }),
      ...(on('i') && { italic: true }),
      ...(on('u') && { underline: true }),
      ...(on('s') && { strikethrough: true }),
      ...(color && { color }),
      ...(background && { background }),
    };
    const last = runs.at(-1);
    if (last && sameStyle(last.style, style)) runs[runs.length - 1] = { text: last.text + cell.text, style };
    else runs.push({ text: cell.text, style });
  }
  return runs;
}

/** The text without its Plus! tags (a tag without its partner stays, as typed). */
export function stripPlus(text: string): string {
  if (!text.includes('[')) return text;
  return pieces(text, pairTags(text).removed)
    .map((piece) => piece.text)
    .join('');
}
