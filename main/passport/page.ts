// Opening a form in the user's browser (§8, §8.5): a self-submitting HTML page written with
// owner-only permissions into a private temporary directory, removed a minute later (deleting
// it at once races the browser). Every value is HTML-escaped; the browser form-encodes them.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PassportForm } from '../../shared/model';

export const PAGE_LIFETIME_MS = 60_000;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export interface RenderPageOptions {
  /** The nonce a Content-Security-Policy allows the page's one script by (the browser host's). */
  readonly nonce?: string;
}

/** The self-submitting page of a form, for every shell: a file for the desktop, a served page in the browser host. */
export function renderFormPage(form: PassportForm, { nonce }: RenderPageOptions = {}): string {
  const inputs = Object.entries(form.fields)
    .map(([name, value]) => `      <input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const script = nonce === undefined ? '<script>' : `<script nonce="${escapeHtml(nonce)}">`;
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Signing in to Hotmail…</title>
  </head>
  <body>
    <form id="passport" method="${escapeHtml(form.method)}" action="${escapeHtml(form.action)}">
${inputs}
      <p>Signing you in… <button type="submit">Continue</button></p>
    </form>
    ${script}document.getElementById('passport').submit();</script>
  </body>
</html>
`;
}

export interface OpenPageOptions {
  readonly openExternal: (path: string) => Promise<void>;
  /** Parent of the private directory; the system temp directory by default. */
  readonly temporaryRoot?: string;
  readonly lifetimeMs?: number;
}

/** Writes the page, hands its path to the opener, and schedules its removal; resolves with the path. */
export async function openFormPage(form: PassportForm, options: OpenPageOptions): Promise<string> {
  const directory = await mkdtemp(join(options.temporaryRoot ?? tmpdir(), 'msn-hotmail-'));
  const path = join(directory, 'hotmail.html');
  const remove = (): Promise<void> => rm(directory, { recursive: true, force: true });
  try {
    await writeFile(path, renderFormPage(form), { mode: 0o600, flag: 'wx' });
    await options.openExternal(path);
  } catch (error) {
    await remove();
    throw error;
  }
  setTimeout(() => void remove(), options.lifetimeMs ?? PAGE_LIFETIME_MS).unref();
  return path;
}
