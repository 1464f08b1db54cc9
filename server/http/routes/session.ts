import { Hono } from 'hono';
import { signInSchema } from '../../../shared/session.ts';
import type { Ledgers } from '../../core/remote.ts';
import { attemptLimiter } from '../attempt-limiter.ts';
import { newToken, sha256Hex } from '../credentials.ts';
import { ApiError } from '../errors.ts';
import { validate } from '../validate.ts';

/** Public: exchange a sign-in code for a bearer token. Failed attempts are limited per client and organisation. */
export const sessionRoutes = (ledgers: Ledgers) => {
  const failures = attemptLimiter(10, 60_000);
  return new Hono().post('/', validate('json', signInSchema), async (c) => {
    const { code, label } = c.req.valid('json');
    const [orgId, secret] = code.split('.');
    const client = `${orgId}|${c.req.header('cf-connecting-ip') ?? 'local'}`;
    const wait = failures.blockedFor(client);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new ApiError('rate_limited', `Too many wrong codes: try again in ${wait} s`);
    }
    const ledger = await ledgers.open(orgId);
    try {
      if (!ledger) throw new ApiError('invalid_code', 'This sign-in code is not valid', { code: 'Not valid' });
      const token = newToken(orgId);
      const principal = await ledger.redeemSignInCode(await codeHash(orgId, secret), {
        hash: await sha256Hex(token),
        label,
      });
      const me = await ledger.me(principal);
      return c.json({ ...me, token }, 201);
    } catch (error) {
      if ((error as { code?: string }).code === 'invalid_code') failures.fail(client);
      throw error;
    }
  });
};

/** Codes are read aloud and typed: case and spacing do not matter. */
export function codeHash(orgId: string, secret: string): Promise<string> {
  return sha256Hex(`${orgId.toLowerCase()}.${secret.toUpperCase()}`);
}
