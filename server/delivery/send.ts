import type { Claimed, Outcome } from '../core/delivery.ts';
import { isPrivateAddress } from './address.ts';
import type { OutboundPolicy } from './policy.ts';
import { signature } from './sign.ts';

/*
 * Sends one delivery: POST with Standard Webhooks headers, a time-out, redirects not followed (a 3xx is a
 * failure: an admin's URL must not bounce the server elsewhere), and nothing of the answer kept beyond
 * 200 characters. Runs on Node and in a Worker; Node passes `resolve` to refuse private addresses.
 */

/** A host's addresses (Node: node:dns lookup with all: true). */
export type ResolveHost = (host: string) => Promise<string[]>;

export interface SendOptions {
  policy: OutboundPolicy;
  resolve?: ResolveHost;
  timeoutMs?: number;
}

const excerptChars = 200;
const failure = (error: string, status: number | null = null, excerpt: string | null = null): Outcome => ({
  ok: false,
  status,
  error,
  excerpt,
});

/** The first characters of a body, reading no more of it than needed. */
async function excerptOf(res: Response): Promise<string | null> {
  if (!res.body) return null;
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < excerptChars) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text ? text.slice(0, excerptChars) : null;
}

/** Refuses a URL the operator does not allow: its scheme, or (where `resolve` is given) where it leads. */
export async function refusal(url: URL, options: SendOptions): Promise<string | null> {
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && options.policy.allowHttp)) {
    return `Refused: ${url.protocol}// is not allowed (https only)`;
  }
  if (options.policy.allowPrivate || !options.resolve) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = await options.resolve(host);
  } catch (e) {
    return `DNS lookup of ${host} failed: ${(e as Error).message}`;
  }
  if (!addresses.length) return `DNS lookup of ${host} found no address`;
  const inside = addresses.find(isPrivateAddress);
  return inside ? `Refused: ${host} resolves to a private address (${inside})` : null;
}

export async function send(d: Claimed, options: SendOptions): Promise<Outcome> {
  let url: URL;
  try {
    url = new URL(d.url);
  } catch {
    return failure('Not a URL');
  }
  const refused = await refusal(url, options);
  if (refused) return failure(refused);
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const res = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Tandem-Webhooks/1',
        'webhook-id': d.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': await signature(d.secret, d.id, timestamp, d.body),
      },
      body: d.body,
    });
    const excerpt = await excerptOf(res);
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, error: null, excerpt };
    const why = res.status >= 300 && res.status < 400 ? 'Redirect not followed' : `HTTP ${res.status}`;
    return failure(why, res.status, excerpt);
  } catch (e) {
    const err = e as Error;
    const cause = (err.cause as Error | undefined)?.message;
    return failure(err.name === 'TimeoutError' ? 'Timed out' : `${err.message}${cause ? `: ${cause}` : ''}`);
  }
}
