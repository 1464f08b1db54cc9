import type { LedgerContext, Principal } from './context.ts';
import { invalidCode, type NewToken, redeemSignInCode } from './credentials.ts';
import { LedgerError } from './errors.ts';

/**
 * Wrong sign-in codes, counted per client in the ledger's SQL: every Worker isolate and the Node
 * process see one count, kept by the organisation's Durable Object or file. A code has 40 bits; ten
 * tries a minute per client makes guessing one hopeless. Sign-ins to an organisation that does not
 * exist are counted the same way in a ledger with no organisation (Ledgers.unknownOrgs), so both
 * answer alike: the same refusal, the same lockout.
 */
export const signInAttempts = { failures: 10, windowMs: 60_000 };

/** Seconds until this client may try again, or 0. */
export function blockedFor(ctx: LedgerContext, client: string): number {
  const row = ctx.sql.one<{ started_ms: number; failures: number }>(
    'SELECT started_ms, failures FROM sign_in_failures WHERE client = ?',
    client,
  );
  const ends = row ? row.started_ms + signInAttempts.windowMs : 0;
  const now = ctx.now().getTime();
  if (!row || row.failures < signInAttempts.failures || ends <= now) return 0;
  return Math.ceil((ends - now) / 1000);
}

/** Counts one wrong code; a client's window starts at its first failure. Expired windows are forgotten. */
export function countFailure(ctx: LedgerContext, client: string): void {
  const now = ctx.now().getTime();
  const expired = now - signInAttempts.windowMs;
  ctx.sql.transaction(() => {
    ctx.sql.run(
      `INSERT INTO sign_in_failures (client, started_ms, failures) VALUES (?, ?, 1)
       ON CONFLICT (client) DO UPDATE SET
         failures = CASE WHEN started_ms <= ? THEN 1 ELSE failures + 1 END,
         started_ms = CASE WHEN started_ms <= ? THEN excluded.started_ms ELSE started_ms END`,
      client,
      now,
      expired,
      expired,
    );
    ctx.sql.run('DELETE FROM sign_in_failures WHERE started_ms <= ?', expired);
  });
}

/**
 * Signs in with a code unless this client is locked out; a wrong code counts against it. During a
 * lockout even the right code is refused, so rotating what identifies the client is the only way on.
 */
export function signIn(
  ctx: LedgerContext,
  orgId: string | undefined,
  client: string,
  codeHash: string,
  token: NewToken,
): Principal {
  const wait = blockedFor(ctx, client);
  if (wait > 0) {
    throw new LedgerError('rate_limited', `Too many wrong codes: try again in ${wait} s`, undefined, wait);
  }
  try {
    if (!orgId) throw invalidCode();
    return redeemSignInCode(ctx, orgId, codeHash, token);
  } catch (error) {
    if (error instanceof LedgerError && error.code === 'invalid_code') countFailure(ctx, client);
    throw error;
  }
}
