import { createMiddleware } from 'hono/factory';
import { ApiError } from './errors.ts';

/**
 * Local mode: answer only to the host names the server was started for. A web page the user visits
 * cannot then reach the local API through a DNS-rebound name (evil.example → 127.0.0.1).
 */
export const allowOnlyHosts = (hosts: readonly string[]) => {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  return createMiddleware(async (c, next) => {
    // @hono/node-server builds the URL from the Host header.
    const host = new URL(c.req.url).host.toLowerCase();
    if (!allowed.has(host)) throw new ApiError('forbidden', `This server does not answer to host "${host}"`);
    await next();
  });
};
