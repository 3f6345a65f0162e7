import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { escapeHtml, openFormPage, renderFormPage } from './page';

const form = {
  action: 'https://login.example/md5auth.srf?a=1&b=2',
  method: 'POST' as const,
  fields: { auth: 'x"><script>alert(1)</script>', creds: "it's & more" },
};

describe('the self-submitting page', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'page-test-'));
  });
  afterEach(async () => {
    vi.useRealTimers();
    await rm(root, { recursive: true, force: true });
  });

  it('escapes every value and the action, and submits itself with its one script', () => {
    const html = renderFormPage(form);
    expect(html.match(/<script/g)).toEqual(['<script']);
    expect(html).toContain(`value="${escapeHtml(form.fields.auth)}"`);
    expect(html).toContain('<form id="passport" method="POST" action="https://login.example/md5auth.srf?a=1&#38;b=2">');
    expect(html).toContain('value="it&#39;s &#38; more"');
    expect(html).toContain("<script>document.getElementById('passport').submit();</script>");
  });

  it('allows its script by nonce when asked, and is otherwise the same page', () => {
    const withNonce = renderFormPage(form, { nonce: 'n0nce"x' });
    expect(withNonce).toContain('<script nonce="n0nce&#34;x">');
    expect(withNonce.replace(' nonce="n0nce&#34;x"', '')).toBe(renderFormPage(form));
  });

  it('is written owner-only in a private directory, opened, and removed after a minute', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const opened: string[] = [];
    const path = await openFormPage(form, { openExternal: async (p) => void opened.push(p), temporaryRoot: root });
    expect(opened).toEqual([path]);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(dirname(path))).mode & 0o777).toBe(0o700);
    expect(await readFile(path, 'utf8')).toBe(renderFormPage(form));
    await vi.advanceTimersByTimeAsync(59_000);
    expect(await readdir(root)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    vi.useRealTimers();
    await vi.waitFor(async () => expect(await readdir(root)).toHaveLength(0));
  });

  it('removes the page at once when the browser cannot be opened', async () => {
    await expect(
      openFormPage(form, { openExternal: () => Promise.reject(new Error('no browser')), temporaryRoot: root }),
    ).rejects.toThrow('no browser');
    expect(await readdir(root)).toHaveLength(0);
  });
});
