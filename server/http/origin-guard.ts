import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import { ApiError } from './errors.ts';

/**
 * Browser extensions' own origins. Unpacked and Firefox builds get a new id per install, so any extension may
 * call; an extension with host permissions can reach the API without CORS anyway, so pinning ids would add
 * nothing but a broken sign-in.
 */
const extensionOrigin = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]+$/i;

/** Reads a comma-separated list of origins (`https://intranet.example, https://x.example:8443`). */
export function parseOrigins(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/+$/, '').toLowerCase())
    .filter(Boolean);
}

/** Whether a page of `origin` may call this API: the extension, the API's own pages, or an origin the operator listed. */
export function originAllowed(origin: string, configured: ReadonlySet<string>, c: Context): boolean {
  if (extensionOrigin.test(origin) || configured.has(origin.toLowerCase())) return true;
  try {
    return origin === new URL(c.req.url).origin;
  } catch {
    return false;
  }
}

/**
 * CORS for the allowed origins only, and a refusal (403, nothing run) for a request that carries any other
 * Origin. CORS alone would only hide the answer: a web page's simple POST (text/plain, a form) is sent without
 * preflight and would still run. Requests without Origin (curl, servers, scripts) are not browsers' and pass.
 */
export const allowOnlyOrigins = (configured: readonly string[]) => {
  const listed = new Set(configured.map((o) => o.toLowerCase()));
  const headers = cors({
    origin: (origin, c) => (origin && originAllowed(origin, listed, c) ? origin : null),
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    // The extension reads how long to wait after a 429 or a 503.
    exposeHeaders: ['Retry-After'],
    maxAge: 600,
  });
  return createMiddleware(async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !originAllowed(origin, listed, c)) {
      throw new ApiError('forbidden', `This server does not answer to pages of ${origin.slice(0, 100)}`);
    }
    return headers(c, next);
  });
};
