/* Web pages' addresses, without zod: the side panel imports these, and zod would double its weight. */

/**
 * Only web pages: a `javascript:` or `data:` link would run in whoever opens the ask, and a `file:`
 * path names the requester's own disk, which nobody else can open.
 */
export function isWebUrl(url: string | undefined): url is string {
  return !!url && /^https?:\/\//i.test(url);
}

/**
 * Scheme, host, port and path only. Credentials (`user:password@`), query strings and fragments often
 * carry tokens or personal data; the people who read an ask need the page, not the requester's session.
 */
export function cleanUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    return u.toString();
  } catch {
    return url.split(/[?#]/)[0].replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/]*@/i, '$1');
  }
}
