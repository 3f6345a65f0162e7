import { describe, expect, it } from 'vitest';
import { escapeHtml, renderFormPage } from './page';

const form = {
  action: 'https://login.example/md5auth.srf?a=1&b=2',
  method: 'POST' as const,
  fields: { auth: 'x"><script>alert(1)</script>', creds: "it's & more" },
};

describe('the self-submitting page', () => {
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
});
