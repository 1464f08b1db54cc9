import type { PageContext } from '../../shared/asks.ts';
import { limits } from '../../shared/limits.ts';

/** Only web pages can be attached: the server accepts http(s) URLs only. */
export function isWebUrl(url: string | undefined): url is string {
  return !!url && /^https?:\/\//i.test(url);
}

/** Query strings and fragments often carry tokens or personal data: drop them by default. */
export function cleanUrl(url: string): string {
  try {
    const u = new URL(url);
    u.search = '';
    u.hash = '';
    return u.toString();
  } catch {
    return url.split(/[?#]/)[0];
  }
}

/** A page context within the shared limits, or null for pages that cannot be attached. */
export function pageContext(url: string | undefined, title: string | undefined, selection: string): PageContext | null {
  if (!isWebUrl(url)) return null;
  const clean = cleanUrl(url);
  if (clean.length > limits.url) return null;
  return {
    url: clean,
    title: (title ?? '').trim().slice(0, limits.pageTitle),
    selection: selection.trim().slice(0, limits.selection),
  };
}
