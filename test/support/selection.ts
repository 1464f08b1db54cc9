/**
 * Selects the page's main heading and brings its tab to the front, as a person about to press a
 * quick-capture shortcut or open the context menu would. Works with Playwright and Puppeteer pages.
 */
export async function selectHeading(page: {
  evaluate(fn: () => void): Promise<unknown>;
  bringToFront(): Promise<void>;
}) {
  await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('h1') as Node);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  });
  await page.bringToFront();
}
