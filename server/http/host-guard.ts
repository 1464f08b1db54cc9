import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ApiError } from './errors.ts';

/** A Host as RFC 3986 writes it: a name or an IPv4 address, or an IPv6 literal in brackets; then an optional port. */
const hostSyntax = /^(?:[a-z0-9._~!$&'()*+,;=%-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i;

/** The request's Host (the header, else the URL's), lowercased; a malformed one is refused with 400. */
export function requestHost(c: Context): string {
  const host = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
  const port = host.match(hostSyntax)?.[1];
  if (host === '' || !hostSyntax.test(host) || (port !== undefined && Number(port) > 65_535)) {
    throw new ApiError('bad_request', 'The Host header is not a valid host name', { host: 'Not a valid host name' });
  }
  return host;
}

/** Reads a comma-separated list of hosts (`tandem.example.com, *.example.org`); blank entries dropped. */
export const parseHosts = (list: string | undefined): string[] =>
  (list ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);

/**
 * Whether `host` is one of `allowed`: `name:port` matches exactly, `name` on any port, `*.example.com` any
 * name under example.com (any port), and `*` anything.
 */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const name = host.replace(/:\d+$/, '');
  return allowed.some((entry) => {
    const e = entry.toLowerCase();
    if (e === '*' || e === host || e === name) return true;
    return e.startsWith('*.') && name.endsWith(e.slice(1));
  });
}

/**
 * Refuses malformed Host headers (400) everywhere. Given `allowed`, also answers only to those names (403): a web
 * page the user visits then cannot reach a local server through a DNS-rebound name (evil.example → 127.0.0.1).
 */
export const guardHosts = (allowed?: readonly string[]) =>
  createMiddleware(async (c, next) => {
    const host = requestHost(c);
    if (allowed && !hostAllowed(host, allowed)) {
      throw new ApiError('forbidden', `This server does not answer to host "${host}"`);
    }
    await next();
  });

/**
 * The Worker's hosts. It cannot tell `wrangler dev` from the edge by the request (under DNS rebinding the URL
 * carries the attacker's name too), so it answers only to names that cannot be rebound to a developer's
 * machine: loopback names (any port), workers.dev names (Cloudflare owns that DNS), and the names configured in
 * ALLOWED_HOSTS (a custom domain; `*` turns the check off).
 */
export const workerHosts = (configured: string | undefined): string[] => [
  'localhost',
  '127.0.0.1',
  '[::1]',
  '*.workers.dev',
  ...parseHosts(configured),
];
