import { describe, expect, it } from 'vitest';
import { renderFormPage } from '../passport/page';
import { formPageResponse } from './form-page';

describe('formPageResponse', () => {
  it('escapes every field, so a value cannot leave its attribute', () => {
    const page = formPageResponse({
      action: 'https://login.example.com/post?a=1&b=2',
      method: 'POST',
      fields: { 'x"><script>alert(1)</script>': '"><img src=x onerror=alert(1)>' },
    });
    expect(page.html).not.toContain('<img');
    expect(page.html.match(/<script/g)).toHaveLength(1);
    expect(page.html).toContain('value="&#34;&#62;&#60;img src=x onerror=alert(1)&#62;"');
    expect(page.html).toContain('action="https://login.example.com/post?a=1&#38;b=2"');
  });

  it("is the desktop app's page, its script allowed by the policy's nonce", () => {
    const form = { action: 'https://login.example.com/post', method: 'POST' as const, fields: { creds: 'abc' } };
    const page = formPageResponse(form);
    const nonce = /script-src 'nonce-([^']+)'/.exec(page.contentSecurityPolicy)?.[1] ?? '';
    expect(page.html).toBe(renderFormPage(form, { nonce }));
  });

  it('allows only its own script and posting to the form target', () => {
    const first = formPageResponse({ action: 'http://127.0.0.1:8080/login', method: 'POST', fields: {} });
    const second = formPageResponse({ action: 'http://127.0.0.1:8080/login', method: 'POST', fields: {} });
    expect(first.contentSecurityPolicy).toMatch(/^default-src 'none'; script-src 'nonce-[^']+'; form-action http:\/\/127\.0\.0\.1:8080 https:/);
    expect(first.contentSecurityPolicy).not.toBe(second.contentSecurityPolicy);
  });

  it('refuses a form that posts anywhere but the web', () => {
    expect(() => formPageResponse({ action: 'javascript:alert(1)', method: 'POST', fields: {} })).toThrow(/Refusing/);
    expect(() => formPageResponse({ action: 'not a url', method: 'POST', fields: {} })).toThrow();
  });
});
