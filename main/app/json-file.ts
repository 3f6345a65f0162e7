// The host's small JSON files (settings, sealed passwords) are read the same way: a missing file
// is simply not there yet, and a damaged one is logged and ignored so that the app still starts.

import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/** The file's contents checked by `schema`; undefined when it is missing or unreadable. */
export function readJsonFile<Schema extends z.ZodType>(
  file: string,
  schema: Schema,
  what: string,
  log: (line: string) => void,
): z.output<Schema> | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return schema.parse(JSON.parse(text));
  } catch {
    log(`Ignoring unreadable ${what} ${file}`);
    return undefined;
  }
}
