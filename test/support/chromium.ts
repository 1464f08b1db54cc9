import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { freePort } from './free-port.ts';
import { removeStalePolicy } from './policy.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const extensionDir = resolve('.output/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The remote-debugging port: the real side panel is reachable there, not in `context.pages()`. */
  cdpPort: number;
  /** A fresh CDP connection: it sees targets that existed when it connected. */
  connect(): Promise<Browser>;
  profile: string;
  /** Quits the browser; `keepProfile` leaves its profile for a restart. */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/** Debian's Chromium with the built extension loaded, as a user would have it. */
export async function launchWithExtension(
  existingProfile?: string,
  display?: string,
  /** Another build of the extension (the pseudo-locale's). */
  dir = extensionDir,
  /** More of the browser's environment (a D-Bus session bus for desktop notifications). */
  env: Record<string, string> = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`[e2e] build the extension first (${dir})`);
  removeStalePolicy();
  // Reusing a profile is a browser restart: same extension storage, runtime.onStartup fires.
  const profile = existingProfile ?? mkdtempSync(join(tmpdir(), 'tandem-chromium-'));
  const port = await freePort();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    // With a display (Xvfb), a real window: extension shortcuts only fire for real key presses.
    headless: !display,
    env: { ...process.env, ...(display ? { DISPLAY: display } : {}), ...env },
    viewport: { width: 1100, height: 800 },
    args: [
      ...(display ? [] : ['--headless=new']),
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      `--remote-debugging-port=${port}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const connections: Browser[] = [];
  return {
    context,
    extensionId,
    cdpPort: port,
    async connect() {
      const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      connections.push(cdp);
      return cdp;
    },
    profile,
    async close(options = {}) {
      for (const cdp of connections) await cdp.close().catch(() => {});
      await context.close();
      if (!options.keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Waits for the real side panel: a sidepanel.html page target. Playwright attaches to the targets that
 * exist when it connects over CDP, so it connects once the panel has opened (closeSidePanel ends that connection).
 */
export async function findSidePanel(b: ExtensionBrowser, timeoutMs = 10_000, path = '/sidepanel.html'): Promise<Page> {
  const targets = `http://127.0.0.1:${b.cdpPort}/json/list`;
  for (let i = 0; i < timeoutMs / 100; i++) {
    const list = (await (await fetch(targets)).json()) as { type: string; url: string }[];
    if (list.some((t) => t.type === 'page' && t.url.endsWith(path))) {
      const cdp = await b.connect();
      const panel = cdp
        .contexts()
        .flatMap((ctx) => ctx.pages())
        .find((p) => p.url().endsWith(path));
      if (panel) return panel;
      // Not in this connection yet: it would otherwise stay open, attached to every page after it.
      await cdp.close();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('[e2e] the side panel did not open');
}

/**
 * Closes a panel found by findSidePanel and the CDP connection that found it. A connection left open attaches
 * to every page opened after it, so a loop of opens waits more each time (bench:capture's blank page went from
 * 150–220 ms at seven tries to 270–840 ms at fifteen); closing the browser closes the rest.
 */
export async function closeSidePanel(panel: Page): Promise<void> {
  const cdp = panel.context().browser();
  await panel.close();
  await cdp?.close();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings on a page (empty is the goal). */
export async function seriousA11yIssues(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export const screenshotDir = resolve('test-results');
