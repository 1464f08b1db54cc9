import type { Context } from 'hono';

/**
 * Who is calling, as far as the runtime can vouch for it: what wrong sign-in codes are counted against.
 * A header any caller can set is never enough on its own (server/node/client-address.ts).
 */
export type ClientAddress = (c: Context) => string | undefined;

/** The Worker: Cloudflare sets Cf-Connecting-Ip itself and overwrites a caller's. */
export const cloudflareClient: ClientAddress = (c) => c.req.header('cf-connecting-ip');

/**
 * The key failures are counted under: an IPv4 address, or an IPv6 address's /64 (one subscriber's
 * network: counting single IPv6 addresses would give each caller billions of tries).
 */
export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const a = address.trim().toLowerCase().split('%')[0];
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return mapped[1];
  if (!a.includes(':')) return a;
  const [head, tail] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`;
}
