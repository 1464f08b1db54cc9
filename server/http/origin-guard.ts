import type { Context } from 'hono';
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

const allowHeaders = 'Authorization,Content-Type,Idempotency-Key';
// The extension reads how long to wait after a 429 or a 503.
const exposeHeaders = 'Retry-After';
const allowMethods = 'GET,HEAD,PUT,POST,DELETE,PATCH';

function addCors(headers: Headers, origin: string | undefined) {
  if (origin) headers.set('Access-Control-Allow-Origin', origin);
  headers.set('Access-Control-Expose-Headers', exposeHeaders);
  headers.append('Vary', 'Origin');
}

/**
 * CORS for the allowed origins only, and a refusal (403, nothing run) for a request that carries any other
 * Origin. CORS alone would only hide the answer: a web page's simple POST (text/plain, a form) is sent without
 * preflight and would still run. Requests without Origin (curl, servers, scripts) are not browsers' and pass.
 *
 * The headers hono/cors would send, written onto the handler's own response once it exists: hono/cors touches
 * `c.res` before the handler runs, so on @hono/node-server each response was copied twice and built as a full
 * undici Response (about a tenth of the HTTP thread's time under bench:api).
 */
export const allowOnlyOrigins = (configured: readonly string[]) => {
  const listed = new Set(configured.map((o) => o.toLowerCase()));
  return createMiddleware(async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !originAllowed(origin, listed, c)) {
      throw new ApiError('forbidden', `This server does not answer to pages of ${origin.slice(0, 100)}`);
    }
    const allowed: Record<string, string> = origin ? { 'Access-Control-Allow-Origin': origin } : {};
    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, {
        ...allowed,
        'Access-Control-Expose-Headers': exposeHeaders,
        'Access-Control-Max-Age': '600',
        'Access-Control-Allow-Methods': allowMethods,
        'Access-Control-Allow-Headers': allowHeaders,
        Vary: 'Origin, Access-Control-Request-Headers',
      });
    }
    await next();
    try {
      addCors(c.res.headers, origin);
    } catch {
      // Immutable headers: a response passed through from elsewhere (the Durable Object's WebSocket upgrade).
      c.res = new Response(c.res.body, c.res);
      addCors(c.res.headers, origin);
    }
  });
};
