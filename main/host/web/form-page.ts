// The self-submitting Passport form as a page of the browser host. The desktop app hands such a
// page to the user's browser; here the host serves it itself, under a strict policy: its one
// script is allowed by nonce, and the form may post only to where the form says.

import { randomBytes } from 'node:crypto';
import type { PassportForm } from '../../../shared/model';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export interface FormPage {
  readonly html: string;
  readonly contentSecurityPolicy: string;
}

/** Only web addresses may be posted to. */
export function isPostableAction(action: string): boolean {
  return URL.canParse(action) && ['https:', 'http:'].includes(new URL(action).protocol);
}

/** Throws for an action that is not an http(s) URL. */
export function renderFormPage(form: PassportForm): FormPage {
  if (!isPostableAction(form.action)) throw new Error(`Refusing a form that posts to ${form.action.slice(0, 40)}`);
  const action = new URL(form.action);
  const nonce = randomBytes(16).toString('base64');
  const inputs = Object.entries(form.fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n      ');
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Signing in to MSN…</title>
  </head>
  <body>
    <form id="passport" method="POST" action="${escapeHtml(action.href)}">
      ${inputs}
      <p>Signing you in… <button type="submit">Continue</button></p>
    </form>
    <script nonce="${nonce}">document.getElementById('passport').submit();</script>
  </body>
</html>
`;
  const contentSecurityPolicy = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `form-action ${action.origin} https:`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, contentSecurityPolicy };
}
