import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

export interface RunningWorker {
  url: string;
  /** npx's process id: wrangler and workerd are its descendants (bench:sync reads their CPU time). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * The Worker under `wrangler dev --local` (workerd from its npm package, no account), as the README's
 * "Deploy to Cloudflare" tries it: fresh local state, the given secrets as variables, its own ports.
 */
export async function startWranglerDev(vars: Record<string, string>): Promise<RunningWorker> {
  const state = mkdtempSync(join(tmpdir(), 'tandem-wrangler-'));
  const [port, inspector] = [await freePort(), await freePort()];
  const args = ['wrangler', 'dev', '--local', '--ip', '127.0.0.1', '--port', String(port)];
  args.push('--inspector-port', String(inspector), '--persist-to', state, '--show-interactive-dev-session=false');
  for (const [name, value] of Object.entries(vars)) args.push('--var', `${name}:${value}`);
  const child: ChildProcess = spawn('npx', args, {
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: npx, wrangler and workerd stop together
  });
  let output = '';
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`[wrangler dev] not ready in time:\n${output}`)), 90_000);
    child.once('exit', (code) => reject(new Error(`[wrangler dev] exited early (${code}):\n${output}`)));
    const read = (chunk: Buffer) => {
      output += chunk;
      if (output.includes(`Ready on ${url}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
  });
  return {
    url,
    pid: child.pid as number,
    async stop() {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
      rmSync(state, { recursive: true, force: true });
    },
  };
}
