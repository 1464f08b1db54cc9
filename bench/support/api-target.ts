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
    /** The server's data directory (bench:soak reads the size its WAL reached). */
    dataDir: string;
    /** Three senders: bench:api's one-person load is the first's, its spread load the others'; bench:soak takes all three. */
    tokens: string[];
    recipient: string;
    recipients: string[];
  };
  /** POST /v1/thanks with a fresh Idempotency-Key per request, made as the extension makes one per thank-you. */
  const thanks = {
    url: `${target.api}/v1/thanks`,
    method: 'POST' as const,
    headers: { authorization: `Bearer ${target.tokens[0]}`, 'content-type': 'application/json' },
    body: thankTo(target.recipient),
    requests: [{ setupRequest: withKey }],
  };
  /**
   * The same thank-you from the senders in turn to everyone else in turn (55 people), as a whole
   * organisation sends them: each lands on other rows of the views than the last. Also keeps long loads
   * inside one person's limits (100,000 writes a minute, 100,000 thank-yous a day).
   */
  let turn = 0;
  /** The next of these thank-yous: its headers (sender, a fresh Idempotency-Key) and body (recipient). */
  const spreadRequest =
    (senders = target.tokens) =>
    () => {
      const n = turn++;
      return {
        headers: {
          authorization: `Bearer ${senders[n % senders.length]}`,
          'content-type': 'application/json',
          'idempotency-key': newIdempotencyKey(),
        },
        body: thankTo(target.recipients[n % target.recipients.length]),
      };
    };
  /** The same, as autocannon's load (steady-load.ts takes spreadRequest itself). */
  const spreadThanks = (senders = target.tokens) => {
    const next = spreadRequest(senders);
    return {
      ...thanks,
      requests: [
        {
          setupRequest: (req: autocannon.Request) => {
            const { headers, body } = next();
            return { ...req, headers: { ...req.headers, ...headers }, body };
          },
        },
      ],
    };
  };
  return { ...target, pid: child.pid as number, thanks, spreadThanks, spreadRequest, stop: () => child.kill() };
}

const thankTo = (id: string) => JSON.stringify({ to: [{ kind: 'person', id }], message: 'Thanks for the help!' });

/** A request with a new Idempotency-Key, as the extension makes them (extension/utils/idempotency-key.ts). */
export const withKey = (req: autocannon.Request): autocannon.Request => ({
  ...req,
  headers: { ...req.headers, 'idempotency-key': newIdempotencyKey() },
});

export const load = (options: autocannon.Options) =>
  new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result))),
  );
