import { createHash } from 'node:crypto';

/** MD5 over the UTF-8 bytes of `text`, as 32 lowercase hex digits (servers reject upper case, §4.5). */
export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}
