import type { Claimed, Outcome } from '../core/delivery.ts';
import type { OutboundPolicy } from './policy.ts';
import { signature } from './sign.ts';

/*
 * Sends one delivery: POST with Standard Webhooks headers, a time-out, redirects not followed (a 3xx is a
 * failure: an admin's URL must not bounce the server elsewhere), and nothing of the answer kept beyond
 * 200 characters. Runs on Node and in a Worker; Node passes `screen` to refuse private addresses
 * (delivery/screen.ts, kept out of the Worker's bundle), and a `post` that connects to the very addresses it
 * checked (so a name cannot resolve again elsewhere).
 */

/** Where a host may be reached: the addresses to connect to, or why not (Node: delivery/screen.ts). */
export type ScreenHost = (host: string) => Promise<{ refused: string } | { addresses: string[] }>;

/** One POST: its status and the start of its answer. `addresses`: where to connect (checked), or null (DNS). */
export type Post = (request: {
  url: URL;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  addresses: string[] | null;
}) => Promise<{ status: number; excerpt: string | null }>;

export interface SendOptions {
  policy: OutboundPolicy;
  screen?: ScreenHost;
  post?: Post;
  timeoutMs?: number;
}

export const excerptChars = 200;

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

/** The platform's fetch (the Worker's; Node's when no address is pinned). */
const fetchPost: Post = async ({ url, headers, body, timeoutMs }) => {
  const res = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
    headers,
    body,
  });
  return { status: res.status, excerpt: await excerptOf(res) };
};

/**
 * Refuses a URL the operator does not allow: its scheme, or (where `screen` is given) an address it
 * resolves to. Otherwise the addresses checked (null when none were looked up).
 */
export async function check(
  url: URL,
  options: SendOptions,
): Promise<{ refused: string } | { addresses: string[] | null }> {
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && options.policy.allowHttp)) {
    return { refused: `Refused: ${url.protocol}// is not allowed (https only)` };
  }
  return options.screen ? options.screen(url.hostname.replace(/^\[|\]$/g, '')) : { addresses: null };
}

const failure = (error: string, status: number | null = null, excerpt: string | null = null): Outcome => ({
  ok: false,
  status,
  error,
  excerpt,
});

export async function send(d: Claimed, options: SendOptions): Promise<Outcome> {
  let url: URL;
  try {
    url = new URL(d.url);
  } catch {
    return failure('Not a URL');
  }
  const checked = await check(url, options);
  if ('refused' in checked) return failure(checked.refused);
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Tandem-Webhooks/1',
    'webhook-id': d.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': await signature(d.secret, d.id, timestamp, d.body),
  };
  try {
    const { status, excerpt } = await (options.post ?? fetchPost)({
      url,
      headers,
      body: d.body,
      timeoutMs: options.timeoutMs ?? 10_000,
      addresses: checked.addresses,
    });
    if (status >= 200 && status < 300) return { ok: true, status, error: null, excerpt };
    return failure(status >= 300 && status < 400 ? 'Redirect not followed' : `HTTP ${status}`, status, excerpt);
  } catch (e) {
    const err = e as Error;
    const cause = (err.cause as Error | undefined)?.message;
    return failure(err.name === 'TimeoutError' ? 'Timed out' : `${err.message}${cause ? `: ${cause}` : ''}`);
  }
}
