import { describe, expect, it } from 'vitest';
import { findLinks } from './find-links';
import { richPieces } from './pieces';

describe('findLinks', () => {
  it('finds http(s), www. and e-mail addresses, and leaves the rest as text', () => {
    const text = 'see www.example.com/x?y=1, http://a.example/b. mail me@example.org or example.com, ftp://x.example, javascript:alert(1)';
    expect(findLinks(text).map(({ href }) => href)).toEqual(['http://www.example.com/x?y=1', 'http://a.example/b', 'mailto:me@example.org']);
  });

  it('keeps the sentence’s punctuation out of the link', () => {
    const [link] = findLinks('(look at https://example.com/a_(b)).');
    expect(link?.href).toBe('https://example.com/a_(b)');
  });

  it('refuses a link that names a user before the host', () => {
    expect(findLinks('http://bank.example@evil.example/')).toEqual([]);
  });
});

describe('richPieces', () => {
  it('cuts Plus! runs at link boundaries, a link keeping the styles inside it', () => {
    expect(richPieces('[b]go www.[/b]example.com now', 'render', true)).toEqual([
      { pieces: [{ text: 'go ', style: { bold: true } }] },
      { href: 'http://www.example.com/', pieces: [{ text: 'www.', style: { bold: true } }, { text: 'example.com', style: {} }] },
      { pieces: [{ text: ' now', style: {} }] },
    ]);
  });

  it('strips the tags when asked, and can leave links as text', () => {
    expect(richPieces('[c=4]Zed[/c] http://x.example', 'strip', false)).toEqual([{ pieces: [{ text: 'Zed http://x.example', style: {} }] }]);
    expect(richPieces('', 'render', true)).toEqual([]);
  });
});
