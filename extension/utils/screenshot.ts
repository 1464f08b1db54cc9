import { browser } from 'wxt/browser';
import { screenshotMaxBytes } from '../../shared/limits.ts';
import { cleanUrl } from '../../shared/web-pages.ts';

/** Decoded bytes of a base64 data URL, without decoding it. */
export const dataUrlSize = (dataUrl: string) => {
  const b64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
};

/** Thrown when the picture cannot be taken; the message says what to do. */
export class CaptureRefused extends Error {}

/**
 * A JPEG of the visible part of the page the ask is about, taken only when the person asks for it.
 * The browser allows it on the tab where Tandem was opened by a gesture (the icon, the shortcut, the
 * menu: the activeTab grant), until that tab navigates. Quality steps down until it fits the upload limit.
 */
export async function captureVisibleTab(pageUrl: string): Promise<string> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab || tab.windowId === undefined) throw new CaptureRefused('There is no page to capture in this window.');
  // The URL is readable only under the grant: when it is, make sure it is still the attached page.
  if (tab.url && cleanUrl(tab.url) !== pageUrl) {
    throw new CaptureRefused('Go back to the attached page to take its screenshot.');
  }
  for (const quality of [70, 45, 25]) {
    let image: string;
    try {
      image = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'jpeg', quality });
    } catch {
      throw new CaptureRefused(
        'The browser allows a screenshot only right after you open Tandem on the page: click the Tandem icon or use the shortcut there, then try again.',
      );
    }
    if (dataUrlSize(image) <= screenshotMaxBytes) return image;
  }
  throw new CaptureRefused('This page is too large to attach as a screenshot.');
}
