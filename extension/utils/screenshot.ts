import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
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
  if (!tab || tab.windowId === undefined) throw new CaptureRefused(i18n.t('ui.screenshot.noPage'));
  // The URL is readable only under the grant: when it is, make sure it is still the attached page.
  if (tab.url && cleanUrl(tab.url) !== pageUrl) {
    throw new CaptureRefused(i18n.t('ui.screenshot.goBack'));
  }
  for (const quality of [70, 45, 25]) {
    let image: string;
    try {
      image = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'jpeg', quality });
    } catch {
      throw new CaptureRefused(i18n.t('ui.screenshot.notAllowed'));
    }
    if (dataUrlSize(image) <= screenshotMaxBytes) return image;
  }
  throw new CaptureRefused(i18n.t('ui.screenshot.tooLarge'));
}
