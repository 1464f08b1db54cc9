import { type ChildProcess, execFileSync, spawn } from 'node:child_process';

/**
 * A virtual X display for headed browsers, and real key presses through xdotool. Xvfb picks a free
 * display itself (-displayfd): two test files choosing one at once could otherwise share a display,
 * and one file's key presses would reach the other's browser.
 */
export async function startXvfb(): Promise<{ display: string; stop(): void }> {
  const xvfb: ChildProcess = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const n = await new Promise<string>((resolve, reject) => {
    let out = '';
    xvfb.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    xvfb.once('exit', (code) => reject(new Error(`[e2e] Xvfb exited (${code}) before it was ready`)));
    xvfb.once('error', reject);
  });
  return { display: `:${n}`, stop: () => void xvfb.kill() };
}

/**
 * Presses keys in the window whose title contains `title`, as a person would. Several keys are
 * pressed one after another, a quarter second apart (time for a menu to open).
 */
export function pressKeys(display: string, title: string, ...keys: string[]): void {
  focusWindow(display, title);
  sendKeys(display, ...keys);
}

/** Gives keyboard focus to the window whose title contains `title`. */
export function focusWindow(display: string, title: string): void {
  const env = { ...process.env, DISPLAY: display };
  // The title follows the page a moment after it loads: look again for up to two seconds.
  let win: string | undefined;
  for (let i = 0; i < 20 && !win; i++) {
    try {
      win = execFileSync('xdotool', ['search', '--name', title], { env, encoding: 'utf8' }).trim().split('\n').at(-1);
    } catch {
      execFileSync('sleep', ['0.1']);
    }
  }
  if (!win) throw new Error(`[e2e] no window titled ${title}`);
  // No window manager under Xvfb: windowactivate fails, windowfocus works.
  execFileSync('xdotool', ['windowfocus', '--sync', win], { env });
}

/**
 * Makes a key gesture until it takes effect (`done` resolves), at most `tries` times. On a loaded
 * machine a menu may open slower than the next key arrives, or a press may reach a window that is not
 * focused yet; a person would press again too. Escape closes whatever the missed attempt left open.
 */
export async function pressUntil<T>(display: string, press: () => void, done: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    press();
    try {
      return await done();
    } catch (e) {
      if (attempt === tries) throw e;
      console.warn(`[e2e] the key gesture took no effect (attempt ${attempt} of ${tries}), pressing again`);
      sendKeys(display, 'Escape');
    }
  }
}

/** Presses keys in the focused window. */
export function sendKeys(display: string, ...keys: string[]): void {
  // xdotool also waits its delay after the last key: only sequences get one.
  const delay = keys.length > 1 ? ['--delay', '250'] : [];
  execFileSync('xdotool', ['key', '--clearmodifiers', ...delay, ...keys], {
    env: { ...process.env, DISPLAY: display },
  });
}

/** Types text into the focused window, key by key, as a person would. */
export function typeText(display: string, text: string): void {
  execFileSync('xdotool', ['type', '--delay', '20', text], { env: { ...process.env, DISPLAY: display } });
}
