import { createMiddleware } from 'hono/factory';
import { orgOfCredential } from '../../shared/session.ts';
import type { ScreenshotStore } from '../blobs/screenshots.ts';
import type { Principal } from '../core/context.ts';
import type { AsyncLedger, Ledgers } from '../core/remote.ts';
import { type AccessConfig, AccessDenied, type AccessIdentity, type AccessVerify } from './access.ts';
import { sha256Hex } from './credentials.ts';
import { ApiError } from './errors.ts';

export interface AuthedEnv {
  Variables: { principal: Principal; ledger: AsyncLedger; tokenHash: string; screenshots: ScreenshotStore };
}

/**
 * Turns `Authorization: Bearer tdm_<org>_<secret>` into a principal. The organisation comes from the
 * credential alone, never from the URL or the body; an unknown org and a bad token look the same.
 */
export const requireAuth = (
  ledgers: Ledgers,
  screenshots: ScreenshotStore,
  access?: { config: AccessConfig; verify: AccessVerify },
) =>
  createMiddleware<AuthedEnv>(async (c, next) => {
    c.set('screenshots', screenshots);
    const assertion = c.req.header('cf-access-jwt-assertion');
    if (access && assertion && !c.req.header('authorization')) {
      const { ledger, principal } = await accessPrincipal(ledgers, access, assertion);
      c.set('principal', principal);
      c.set('ledger', ledger);
      c.set('tokenHash', '');
      return next();
    }
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

/** Cloudflare Access mode: the verified email is the person; allowed domains get an account on first visit. */
async function accessPrincipal(
  ledgers: Ledgers,
  access: { config: AccessConfig; verify: AccessVerify },
  assertion: string,
): Promise<{ ledger: AsyncLedger; principal: Principal }> {
  let identity: AccessIdentity;
  try {
    identity = await access.verify(assertion);
  } catch (error) {
    if (error instanceof AccessDenied) throw new ApiError('unauthenticated', `Cloudflare Access: ${error.message}`);
    throw error;
  }
  const ledger = await ledgers.open(access.config.orgId);
  if (!ledger) throw new ApiError('unauthenticated', 'Cloudflare Access: the organisation is not set up');
  const domain = identity.email.split('@')[1];
  const principal = await ledger.personByEmail(identity, access.config.allowedDomains.includes(domain));
  if (!principal) throw new ApiError('forbidden', `${identity.email} has no Tandem account here; ask an admin`);
  return { ledger, principal };
}
