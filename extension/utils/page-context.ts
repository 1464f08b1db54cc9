import type { PageContext } from '../../shared/asks.ts';
import { cleanText } from '../../shared/clean-text.ts';
import { limits } from '../../shared/limits.ts';
import { cleanUrl, isWebUrl } from '../../shared/web-pages.ts';
import { pageContextItem } from './storage.ts';

/** A page context within the shared limits, or null for pages that cannot be attached. */
export function pageContext(url: string | undefined, title: string | undefined, selection: string): PageContext | null {
  if (!isWebUrl(url)) return null;
  const clean = cleanUrl(url);
  if (clean.length > limits.url) return null;
  return {
    url: clean,
    title: cleanText(title ?? '').slice(0, limits.pageTitle),
    selection: cleanText(selection).slice(0, limits.selection),
  };
}

/**
 * The page went with an ask: reopening the panel should not attach it again. Another page captured
 * meanwhile stays.
 */
export function forgetPageContext(url: string): void {
  pageContextItem
    .getValue()
    .then((stored) => (stored?.url === url ? pageContextItem.setValue(null) : undefined))
    .catch((e: unknown) => console.warn('[tandem] [page-context] could not forget the attached page', e));
}
