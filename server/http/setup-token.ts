import type { MiddlewareHandler } from 'hono';
import { ApiError, errorBody } from './errors.ts';

// A key of this isolate's or process's own: the compared HMACs say nothing about the token, even to
// someone who times every byte of the comparison.
let key: Promise<CryptoKey> | undefined;
const hmacKey = () =>
  (key ??= crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']) as Promise<CryptoKey>);

/**
 * Whether two secrets are equal, in time that depends on neither: their HMACs are compared byte by byte
 * without an early exit. WebCrypto, so the same on Node and Workers (which have no common timingSafeEqual).
 */
export async function sameSecret(presented: string, expected: string): Promise<boolean> {
  const k = await hmacKey();
  const mac = async (s: string) => new Uint8Array(await crypto.subtle.sign('HMAC', k, new TextEncoder().encode(s)));
  const [a, b] = await Promise.all([mac(presented), mac(expected)]);
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
  return difference === 0;
}

/**
 * Operator routes: absent (404) when the deployment has no setup token, and 401 before anything else is
 * read (the body's validation included) without the right one as `Authorization: Bearer <token>`.
 */
export const requireSetupToken =
  (setupToken: string | undefined): MiddlewareHandler =>
  async (c, next) => {
    if (!setupToken) return c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}`), 404);
    const presented = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!(await sameSecret(presented, setupToken))) {
      throw new ApiError('unauthenticated', 'Setup needs the deployment setup token (Authorization: Bearer …)');
    }
    await next();
  };
