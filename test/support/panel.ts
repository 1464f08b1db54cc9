import type { Page } from 'playwright-core';
import { type ExtensionBrowser, findSidePanel } from './chromium.ts';

/** A new extension tab (the leaderboard page): the tab that opened the panel is shared with CDP. */
export async function openLeaderboard(b: ExtensionBrowser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/leaderboard.html`);
  return page;
}

/**
 * Opens the real side panel by a user gesture (the leaderboard page's button). With a page context,
 * first stores it as the background does when the toolbar icon is clicked on a page.
 */
export async function openPanel(b: ExtensionBrowser, context?: object): Promise<{ panel: Page; tab: Page }> {
  const tab = await openLeaderboard(b);
  if (context) {
    await b.context.serviceWorkers()[0].evaluate((c) => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { session: { set(v: object): Promise<void> } } };
      };
      return chrome.storage.session.set({ pageContext: c });
    }, context);
  }
  await tab.getByRole('button', { name: 'Open Tandem panel' }).click();
  return { panel: await findSidePanel(b), tab };
}

export async function signIn(panel: Page, serverUrl: string, code: string, name: string): Promise<void> {
  await panel.getByLabel('Server').fill(serverUrl);
  await panel.getByLabel('Sign-in code').fill(code);
  await panel.getByRole('button', { name: 'Sign in' }).click();
  await panel.locator('#me-name', { hasText: name }).waitFor();
}
