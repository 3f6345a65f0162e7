// The self-submitting Passport form as a page of the browser host. The desktop app hands the same
// page (main/passport/page.ts) to the user's browser as a file; here the host serves it itself,
// under a strict policy: its one script is allowed by nonce, and the form may post only to where
// the form says.

import { randomBytes } from 'node:crypto';
import type { PassportForm } from '../../shared/model';
import { renderFormPage } from '../passport/page';

export interface FormPage {
  readonly html: string;
  readonly contentSecurityPolicy: string;
}

/** Only web addresses may be posted to. */
export function isPostableAction(action: string): boolean {
  return URL.canParse(action) && ['https:', 'http:'].includes(new URL(action).protocol);
}

/** The page and its policy. Throws for an action that is not an http(s) URL. */
export function formPageResponse(form: PassportForm): FormPage {
  if (!isPostableAction(form.action)) throw new Error(`Refusing a form that posts to ${form.action.slice(0, 40)}`);
  const action = new URL(form.action);
  const nonce = randomBytes(16).toString('base64');
  const contentSecurityPolicy = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `form-action ${action.origin} https:`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html: renderFormPage({ ...form, action: action.href }, { nonce }), contentSecurityPolicy };
}
