import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A webhook receiver on loopback (node:http on 127.0.0.1), as a chat service or a customer's endpoint would
 * be: it keeps every request, and its deduplicated view keeps one per `webhook-id`, as Standard Webhooks
 * asks receivers to. `down()` closes it (connections refused) and `up()` listens again on the same port.
 */
export async function webhookReceiver(options: { answer?: string; hold?: () => boolean } = {}) {
  const all: Received[] = [];
  const held: (() => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      all.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const reply = () => res.writeHead(200, { 'content-type': 'text/plain' }).end(options.answer ?? 'ok');
      if (options.hold?.()) held.push(reply);
      else reply();
    });
  });
  const listen = (port: number) =>
    new Promise<number>((resolve) =>
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
    );
  const port = await listen(0);
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    all,
    /** One request per webhook-id: what a deduplicating receiver acts on. */
    unique: () => [...new Map(all.map((r) => [String(r.headers['webhook-id']), r])).values()],
    /** Answers the requests it held. */
    release: () => {
      for (const reply of held.splice(0)) reply();
    },
    down: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    up: () => listen(port),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Verifies a Standard Webhooks signature with node:crypto, independently of the server's WebCrypto signer. */
export function verifies(secret: string, r: Received): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signed = `${r.headers['webhook-id']}.${r.headers['webhook-timestamp']}.${r.body}`;
  const expected = Buffer.from(createHmac('sha256', key).update(signed).digest('base64'));
  return String(r.headers['webhook-signature'] ?? '')
    .split(' ')
    .map((s) => Buffer.from(s.replace(/^v1,/, '')))
    .some((given) => given.length === expected.length && timingSafeEqual(given, expected));
}
