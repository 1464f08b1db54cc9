import type { Me, TokenInfo, UpdateMe } from '../../shared/session.ts';
import type { LedgerContext, Principal } from './context.ts';
import { departmentsOf, getPerson } from './directory.ts';
import { LedgerError, notFound } from './errors.ts';
import { appendEvent } from './events.ts';
import { countWrite } from './limits.ts';
import { activeValues } from './values.ts';

/*
 * Sign-in codes and bearer tokens. The ledger stores only their hashes: the HTTP layer makes the
 * secrets and hashes them (WebCrypto is async; the ledger stays synchronous).
 */

export interface NewCode {
  personId: string;
  codeHash: string;
  expiresAt: string;
  /** Demo codes stay usable; invitation codes work once. */
  reusable: boolean;
}

export function issueSignInCode(ctx: LedgerContext, input: NewCode): void {
  if (!getPerson(ctx, input.personId)) throw notFound('Person');
  ctx.sql.run(
    'INSERT INTO sign_in_codes (code_hash, person_id, reusable, expires_at) VALUES (?, ?, ?, ?)',
    input.codeHash,
    input.personId,
    input.reusable ? 1 : 0,
    input.expiresAt,
  );
}

export interface NewToken {
  hash: string;
  label: string;
}

/** The one answer to a code that does not sign in, whatever the reason, and whether the organisation exists or not. */
export const invalidCode = () =>
  new LedgerError('invalid_code', 'This sign-in code is not valid (used, expired or mistyped)', { code: 'Not valid' });

/** Exchanges a sign-in code for a token, in one transaction: a one-time code cannot be used twice. */
export function redeemSignInCode(ctx: LedgerContext, orgId: string, codeHash: string, token: NewToken): Principal {
  return ctx.sql.transaction(() => {
    const at = ctx.now().toISOString();
    const code = ctx.sql.one<{ person_id: string; reusable: number; expires_at: string; used_at: string | null }>(
      'SELECT person_id, reusable, expires_at, used_at FROM sign_in_codes WHERE code_hash = ?',
      codeHash,
    );
    const person = code && getPerson(ctx, code.person_id);
    if (!code || !person?.active || code.expires_at < at || (!code.reusable && code.used_at)) throw invalidCode();
    // A token and its event are a write like any other: a code cannot mint tokens without end.
    countWrite(ctx, { orgId, personId: person.id, role: person.role });
    ctx.sql.run('UPDATE sign_in_codes SET used_at = ? WHERE code_hash = ?', at, codeHash);
    const id = ctx.newId('k');
    ctx.sql.run(
      'INSERT INTO tokens (hash, id, person_id, label, created_at) VALUES (?, ?, ?, ?, ?)',
      token.hash,
      id,
      person.id,
      token.label,
      at,
    );
    appendEvent(ctx, 'token.issued', person.id, id, { label: token.label }, at);
    return { orgId, personId: person.id, role: person.role };
  });
}

/** The principal behind a token hash, or null when the token is unknown, revoked or its person inactive. */
export function authenticate(ctx: LedgerContext, orgId: string, tokenHash: string): Principal | null {
  const row = ctx.sql.one<{ person_id: string; role: Principal['role'] }>(
    `SELECT t.person_id, p.role FROM tokens t JOIN people p ON p.id = t.person_id
     WHERE t.hash = ? AND t.revoked_at IS NULL AND p.active = 1`,
    tokenHash,
  );
  return row ? { orgId, personId: row.person_id, role: row.role } : null;
}

export function revokeToken(ctx: LedgerContext, who: Principal, tokenHash: string): void {
  ctx.sql.transaction(() => {
    const at = ctx.now().toISOString();
    const token = ctx.sql.one<{ id: string }>(
      'SELECT id FROM tokens WHERE hash = ? AND person_id = ? AND revoked_at IS NULL',
      tokenHash,
      who.personId,
    );
    if (!token) return;
    ctx.sql.run('UPDATE tokens SET revoked_at = ? WHERE hash = ?', at, tokenHash);
    appendEvent(ctx, 'token.revoked', who.personId, token.id, {}, at);
  });
}

/** My live tokens, newest first. */
export function listTokens(ctx: LedgerContext, who: Principal, currentHash: string): TokenInfo[] {
  return ctx.sql
    .all<{ id: string; label: string; created_at: string; hash: string }>(
      'SELECT id, label, created_at, hash FROM tokens WHERE person_id = ? AND revoked_at IS NULL ORDER BY created_at DESC',
      who.personId,
    )
    .map((t) => ({ id: t.id, label: t.label, createdAt: t.created_at, current: t.hash === currentHash }));
}

/** Revokes one of my tokens by its id (another person's token is "not found"). */
export function revokeTokenById(ctx: LedgerContext, who: Principal, id: string): void {
  ctx.sql.transaction(() => {
    const token = ctx.sql.one<{ hash: string }>(
      'SELECT hash FROM tokens WHERE id = ? AND person_id = ? AND revoked_at IS NULL',
      id,
      who.personId,
    );
    if (!token) throw notFound('Token');
    revokeToken(ctx, who, token.hash);
  });
}

/** Sign out everywhere: every token of mine stops working at once. Returns how many were revoked. */
export function revokeAllTokens(ctx: LedgerContext, who: Principal): number {
  return ctx.sql.transaction(() => {
    const at = ctx.now().toISOString();
    const live = ctx.sql.all<{ id: string }>(
      'SELECT id FROM tokens WHERE person_id = ? AND revoked_at IS NULL',
      who.personId,
    );
    ctx.sql.run('UPDATE tokens SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL', at, who.personId);
    for (const t of live) appendEvent(ctx, 'token.revoked', who.personId, t.id, { everywhere: true }, at);
    return live.length;
  });
}

export function me(ctx: LedgerContext, who: Principal): Me {
  const org = ctx.sql.one<{ id: string; name: string }>('SELECT id, name FROM org');
  const person = getPerson(ctx, who.personId);
  if (!org || !person) throw notFound('Person');
  const optOut = ctx.sql.one<{ o: number }>('SELECT board_opt_out AS o FROM people WHERE id = ?', who.personId)?.o;
  return {
    org,
    person,
    departments: departmentsOf(ctx, who.personId),
    values: activeValues(ctx),
    preferences: { boardOptOut: optOut === 1 },
  };
}

/** A person's own choices; recorded as an event like every change. */
export function updateMe(ctx: LedgerContext, who: Principal, input: UpdateMe): Me {
  return ctx.sql.transaction(() => {
    countWrite(ctx, who);
    ctx.sql.run('UPDATE people SET board_opt_out = ? WHERE id = ?', input.boardOptOut ? 1 : 0, who.personId);
    appendEvent(ctx, 'person.updated', who.personId, who.personId, input, ctx.now().toISOString());
    return me(ctx, who);
  });
}
