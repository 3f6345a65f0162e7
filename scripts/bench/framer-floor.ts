// The floor for the framer: the least any framer must do to the same bytes, which is to find each
// line's end and, for a payload command, read its declared length and step over the payload.
// Nothing is decoded, split or allocated, so no real framer can beat it.

const LF = 0x0a;
const CR = 0x0d;
const DIGIT_0 = 0x30;
const [M, S, G] = [0x4d, 0x53, 0x47];

/** Counts the commands in a whole stream by finding line ends and payload lengths only. */
export function findLineEnds(bytes: Uint8Array): number {
  let commands = 0;
  let offset = 0;
  while (offset < bytes.byteLength) {
    const lineFeed = bytes.indexOf(LF, offset);
    if (lineFeed < 0) break;
    let next = lineFeed + 1;
    if (bytes[offset] === M && bytes[offset + 1] === S && bytes[offset + 2] === G) {
      let digit = bytes[lineFeed - 1] === CR ? lineFeed - 2 : lineFeed - 1;
      let length = 0;
      let scale = 1;
      for (let value = (bytes[digit] as number) - DIGIT_0; value >= 0 && value <= 9; value = (bytes[--digit] as number) - DIGIT_0) {
        length += value * scale;
        scale *= 10;
      }
      next += length;
    }
    commands++;
    offset = next;
  }
  return commands;
}
