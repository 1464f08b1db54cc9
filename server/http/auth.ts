import { createMiddleware } from 'hono/factory';
import { orgOfCredential } from '../../shared/session.ts';
import type { Principal } from '../core/context.ts';
import type { AsyncLedger, Ledgers } from '../core/remote.ts';
import { sha256Hex } from './credentials.ts';
import { ApiError } from './errors.ts';

export interface AuthedEnv {
  Variables: { principal: Principal; ledger: AsyncLedger; tokenHash: string };
}

/**
 * Turns `Authorization: Bearer tdm_<org>_<secret>` into a principal. The organisation comes from the
 * credential alone, never from the URL or the body; an unknown org and a bad token look the same.
 */
export const requireAuth = (ledgers: Ledgers) =>
  createMiddleware<AuthedEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const orgId = token && orgOfCredential(token);
    const ledger = orgId ? await ledgers.open(orgId) : null;
    const tokenHash = token ? await sha256Hex(token) : '';
    const principal = ledger ? await ledger.authenticate(tokenHash) : null;
    if (!ledger || !principal) {
      c.header('WWW-Authenticate', 'Bearer realm="tandem"');
      throw new ApiError('unauthenticated', 'Sign in first: a valid bearer token is required');
    }
    c.set('principal', principal);
    c.set('ledger', ledger);
    c.set('tokenHash', tokenHash);
    await next();
  });
