import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from './free-port.ts';

export interface RunningServer {
  url: string;
  /** Its data directory (TANDEM_DATA_DIR), for `npm run org` beside it. */
  dataDir: string;
  codes: { member: string; payroll: string; manager: string; admin: string };
  /** Stops the process, keeping its data directory and port for `restart`. */
  pause(): Promise<void>;
  /** Starts it again on the same port and data. */
  restart(): Promise<void>;
  /** kill -9: no shutdown, no last commit; the data directory stays for `restart`. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the real Node server (`server/node.ts`, the README's embedded default) on a free port with a
 * fresh data directory, and reads the demo sign-in codes it prints. With `demo: false` (TANDEM_DEMO=0)
 * it starts with no organisation at all, and `codes` is empty.
 */
export async function startServer(
  options: {
    history?: boolean;
    demo?: boolean;
    /** More settings (TANDEM_ACCESS_…). */
    env?: Record<string, string>;
  } = {},
): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
  const port = await freePort();
  const env = {
    TANDEM_DEMO_HISTORY: options.history ? '1' : '0',
    TANDEM_DEMO: options.demo === false ? '0' : '1',
    ...options.env,
  };
  let child = await launch(dataDir, port, env);
  const halt = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.process.once('exit', resolve));
    child.process.kill('SIGTERM');
    await exited;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    codes: child.codes,
    pause: halt,
    async crash() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.process.once('exit', resolve));
      child.process.kill('SIGKILL');
      await exited;
    },
    async restart() {
      child = await launch(dataDir, port, env);
    },
    async stop() {
      await halt();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function launch(dataDir: string, port: number, settings: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/node.ts'], {
    // An empty demo unless a test wants the ten weeks of history (the managers' page).
    env: { ...process.env, TANDEM_DATA_DIR: dataDir, PORT: String(port), ...settings },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const codes: Record<string, string> = {};
  const lines = createInterface({ input: child.stdout! });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('[e2e] server did not print its sign-in codes in time')), 60_000);
    child.once('exit', (code) => reject(new Error(`[e2e] server exited early (${code})`)));
    lines.on('line', (line) => {
      const m = /^\s+(member|payroll|manager|admin)\s+.*\s(\S+\.\S+)$/.exec(line);
      if (m) codes[m[1]] = m[2];
      // Without the demo there are no codes to wait for: it is ready once it listens.
      const ready =
        settings.TANDEM_DEMO === '0'
          ? line.startsWith('Tandem API listening')
          : codes.member && codes.payroll && codes.manager && codes.admin;
      if (ready) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    process: child,
    codes: codes as RunningServer['codes'],
    get exitCode() {
      return child.exitCode;
    },
  };
}
