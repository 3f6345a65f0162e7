// A form as the self-submitting HTML page that posts it (§8, §8.5), for every shell: the desktop
// app and the CLI write it to a file (page-files.ts), the browser host serves it. Every value is
// HTML-escaped; the browser form-encodes them.

import type { PassportForm } from '../../shared/model';

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
