import { describe, expect, it } from 'vitest';
import { renderFormPage } from './form-page';

describe('renderFormPage', () => {
  it('escapes every field, so a value cannot leave its attribute', () => {
    const page = renderFormPage({
      action: 'https://login.example.com/post?a=1&b=2',
      method: 'POST',
      fields: { 'x"><script>alert(1)</script>': '"><img src=x onerror=alert(1)>' },
    });
    expect(page.html).not.toContain('<img');
    expect(page.html.match(/<script/g)).toHaveLength(1);
    expect(page.html).toContain('value="&#34;&#62;&#60;img src=x onerror=alert(1)&#62;"');
    expect(page.html).toContain('action="https://login.example.com/post?a=1&#38;b=2"');
  });

  it('allows only its own script and posting to the form target', () => {
    const first = renderFormPage({ action: 'http://127.0.0.1:8080/login', method: 'POST', fields: {} });
    const second = renderFormPage({ action: 'http://127.0.0.1:8080/login', method: 'POST', fields: {} });
    expect(first.contentSecurityPolicy).toMatch(/^default-src 'none'; script-src 'nonce-[^']+'; form-action http:\/\/127\.0\.0\.1:8080 https:/);
    expect(first.contentSecurityPolicy).not.toBe(second.contentSecurityPolicy);
  });

  it('refuses a form that posts anywhere but the web', () => {
    expect(() => renderFormPage({ action: 'javascript:alert(1)', method: 'POST', fields: {} })).toThrow(/Refusing/);
    expect(() => renderFormPage({ action: 'not a url', method: 'POST', fields: {} })).toThrow();
  });
});
