import { describe, expect, it } from 'vitest';
import { pageContext } from '../../extension/utils/page-context.ts';
import { limits } from '../../shared/limits.ts';
import { cleanUrl, isWebUrl } from '../../shared/urls.ts';

describe('cleanUrl', () => {
  it('drops the query string and the fragment', () => {
    expect(cleanUrl('https://tool.example/tickets/42?token=s3cret&user=me#comment-7')).toBe(
      'https://tool.example/tickets/42',
    );
  });

  it('drops credentials, keeping scheme, host, port and path', () => {
    expect(cleanUrl('https://user:pw@tool.example:8443/a/b?q=1#f')).toBe('https://tool.example:8443/a/b');
    // Even when the URL cannot be parsed (a space in the host).
    expect(cleanUrl('https://user:pw@bad host/x?y')).toBe('https://bad host/x');
  });

  it('keeps the path and port intact', () => {
    expect(cleanUrl('http://localhost:3000/a/b/c')).toBe('http://localhost:3000/a/b/c');
  });

  it('strips query and fragment even when the URL cannot be parsed', () => {
    expect(cleanUrl('not a url?secret=1#x')).toBe('not a url');
  });
});

describe('isWebUrl', () => {
  it.each(['http://example.com/', 'https://example.com/x', 'HTTPS://EXAMPLE.COM/'])('accepts %s', (url) => {
    expect(isWebUrl(url)).toBe(true);
  });

  it.each([
    'chrome://extensions',
    'file:///home/me/secret.pdf',
    'about:blank',
    'javascript:alert(1)',
    'chrome-extension://abc/sidepanel.html',
    'ftp://example.com/',
    '',
    undefined,
  ])('refuses %s', (url) => {
    expect(isWebUrl(url)).toBe(false);
  });
});

describe('pageContext', () => {
  it('captures a web page with its URL cleaned and its title and selection trimmed', () => {
    expect(
      pageContext('https://crm.example/deal/9?session=abc#notes', '  Deal 9 — CRM  ', '\n  the selected text \t'),
    ).toEqual({
      url: 'https://crm.example/deal/9',
      title: 'Deal 9 — CRM',
      selection: 'the selected text',
    });
  });

  it.each(['chrome://newtab/', 'file:///etc/passwd', 'about:blank', 'javascript:void(0)', undefined])(
    'does not attach %s',
    (url) => {
      expect(pageContext(url, 'Title', 'text')).toBeNull();
    },
  );

  it('uses an empty title when the tab has none', () => {
    expect(pageContext('https://example.com/', undefined, '')?.title).toBe('');
  });

  it('caps the title and the selection at the shared limits', () => {
    const ctx = pageContext(
      'https://example.com/',
      't'.repeat(limits.pageTitle + 50),
      's'.repeat(limits.selection + 50),
    );
    expect(ctx?.title).toHaveLength(limits.pageTitle);
    expect(ctx?.selection).toHaveLength(limits.selection);
  });

  it('trims before capping, so leading whitespace does not eat into the limit', () => {
    const ctx = pageContext('https://example.com/', `   ${'t'.repeat(limits.pageTitle)}`, '');
    expect(ctx?.title).toBe('t'.repeat(limits.pageTitle));
  });

  it('refuses a URL longer than the limit even after cleaning', () => {
    const base = 'https://example.com/';
    const long = base + 'p'.repeat(limits.url - base.length + 1);
    expect(pageContext(long, 'T', '')).toBeNull();
  });

  it('accepts a URL at the limit once its long query string is dropped', () => {
    const base = 'https://example.com/';
    const atLimit = base + 'p'.repeat(limits.url - base.length);
    const ctx = pageContext(`${atLimit}?q=${'x'.repeat(5000)}`, 'T', '');
    expect(ctx?.url).toBe(atLimit);
    expect(ctx?.url).toHaveLength(limits.url);
  });
});
