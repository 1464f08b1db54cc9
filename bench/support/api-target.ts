import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { newIdempotencyKey } from '../../extension/utils/idempotency-key.ts';

/** The real Node server of bench/support/api-server.ts in its own process, and how to load it. */
export async function apiTarget() {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/support/api-server.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((resolve) =>
    createInterface({ input: child.stdout! }).once('line', resolve),
  );
  const target = JSON.parse(firstLine) as {
    api: string;
    bare: string;
    /** Three senders: bench:api uses the first, bench:soak takes turns. */
    tokens: string[];
    recipient: string;
    recipients: string[];
  };
  /** POST /v1/thanks with a fresh Idempotency-Key per request, made as the extension makes one per thank-you. */
  const thanks = {
    url: `${target.api}/v1/thanks`,
    method: 'POST' as const,
    headers: { authorization: `Bearer ${target.tokens[0]}`, 'content-type': 'application/json' },
    body: JSON.stringify({ to: [{ kind: 'person', id: target.recipient }], message: 'Thanks for the help!' }),
    requests: [{ setupRequest: withKey }],
  };
  return { ...target, pid: child.pid as number, thanks, stop: () => child.kill() };
}

/** A request with a new Idempotency-Key, as the extension makes them (extension/utils/idempotency-key.ts). */
export const withKey = (req: autocannon.Request): autocannon.Request => ({
  ...req,
  headers: { ...req.headers, 'idempotency-key': newIdempotencyKey() },
});

export const load = (options: autocannon.Options) =>
  new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result))),
  );
