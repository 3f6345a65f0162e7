import { describe, expect, it } from 'vitest';
import { MAX_LINK_LENGTH, openableLink } from './links';

describe('openableLink', () => {
  it.each([
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://Example.COM/Path?q=1#top', 'https://example.com/Path?q=1#top'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
    ['http://127.0.0.1:8080/x', 'http://127.0.0.1:8080/x'],
  ])('opens %s as %s', (href, expected) => {
    expect(openableLink(href)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://example.com/',
    'vbscript:msgbox',
    'www.example.com',
    'http://bank.example@evil.example/',
    'http://user:pass@example.com/',
    'mailto:',
    'mailto:not-an-address',
    'http://exa mple.com/',
    'http://example.com/\u0000',
    'http://',
    `http://example.com/${'a'.repeat(MAX_LINK_LENGTH)}`,
  ])('refuses %j', (href) => {
    expect(openableLink(href)).toBeUndefined();
  });
});
