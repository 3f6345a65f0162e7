// WCAG contrast, and colours moved until they meet it: a sender's colour keeps its hue and only
// gets darker on a light background or lighter on a dark one, as little as it takes.

export type Rgb = readonly [number, number, number];

export function channels(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

function luminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(channels(a)), luminance(channels(b))].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `foreground`, darkened or lightened toward black or white until it reaches `minimum` on `background`. */
export function readableOn(foreground: string, background: string, minimum: number): string {
  if (contrastRatio(foreground, background) >= minimum) return foreground;
  const towardWhite = contrastRatio('#ffffff', background) > contrastRatio('#000000', background);
  const start = channels(foreground);
  const end = towardWhite ? 255 : 0;
  for (let step = 1; step <= 20; step += 1) {
    const t = step / 20;
    const mixed = toHex(start.map((channel) => Math.round(channel + (end - channel) * t)) as unknown as Rgb);
    if (contrastRatio(mixed, background) >= minimum) return mixed;
  }
  return towardWhite ? '#ffffff' : '#000000';
}
