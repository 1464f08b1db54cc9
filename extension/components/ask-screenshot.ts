import type { Ask } from '../../shared/asks.ts';
import type { Api } from '../utils/api.ts';
import { h } from './h.ts';

/** Object URLs of screenshots already fetched, per ask: the picture never changes, re-renders reuse it. */
const loaded = new Map<string, Promise<string>>();

/**
 * The screenshot the requester attached, fetched with the bearer token (an <img> cannot send one) and
 * shown as a thumbnail that opens full size.
 */
export function askScreenshot(client: Api, ask: Ask): HTMLElement | null {
  if (!ask.context?.screenshot) return null;
  let url = loaded.get(ask.id);
  if (!url) {
    url = client.screenshot(ask.id).then((blob) => URL.createObjectURL(blob));
    loaded.set(ask.id, url);
    url.catch(() => loaded.delete(ask.id));
  }
  const img = h('img', { alt: `Screenshot of ${ask.context.title || ask.context.url}`, id: 'ask-screenshot-image' });
  const link = h('a', { class: 'screenshot-link', target: '_blank', rel: 'noopener', title: 'Open full size' }, img);
  const caption = h('figcaption', null, 'Screenshot of the page');
  const figure = h('figure', { class: 'detail-screenshot', 'aria-busy': 'true' }, link, caption);
  url.then(
    (src) => {
      img.src = src;
      link.href = src;
      figure.setAttribute('aria-busy', 'false');
    },
    () => {
      caption.textContent = 'The screenshot could not be loaded.';
      figure.setAttribute('aria-busy', 'false');
    },
  );
  return figure;
}
