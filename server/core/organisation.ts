import type { LedgerContext } from './context.ts';
import { LedgerError } from './errors.ts';
import { appendEvent } from './events.ts';

export interface Founding {
  id: string;
  name: string;
  admin: { name: string; email: string };
  /** The admin's one-time sign-in code, hashed by the HTTP layer as an invitation's is. */
  invitation: { codeHash: string; expiresAt: string };
}

/**
 * Names an empty ledger and makes its first admin with a one-time code: one transaction, one event,
 * so an organisation never exists without someone who can sign in to run it.
 */
export function createOrganisation(ctx: LedgerContext, input: Founding): { orgId: string; adminId: string } {
  return ctx.sql.transaction(() => {
    if (ctx.sql.one('SELECT 1 AS x FROM org')) throw new LedgerError('conflict', 'This organisation already exists');
    const at = ctx.now().toISOString();
    const adminId = ctx.newId('p');
    ctx.sql.run('INSERT INTO org (id, name, created_at) VALUES (?, ?, ?)', input.id, input.name, at);
    ctx.sql.run(
      `INSERT INTO people (id, name, email, title, role, active, name_key, created_at)
       VALUES (?, ?, ?, '', 'admin', 1, ?, ?)`,
      adminId,
      input.admin.name,
      input.admin.email.toLowerCase(),
      input.admin.name.toLowerCase(),
      at,
    );
    ctx.sql.run(
      'INSERT INTO sign_in_codes (code_hash, person_id, reusable, expires_at) VALUES (?, ?, 0, ?)',
      input.invitation.codeHash,
      adminId,
      input.invitation.expiresAt,
    );
    const data = {
      name: input.name,
      admin: { id: adminId, name: input.admin.name },
      expiresAt: input.invitation.expiresAt,
    };
    appendEvent(ctx, 'org.created', null, input.id, data, at);
    return { orgId: input.id, adminId };
  });
}

/** What an operator lists: the organisation's name, when it began, how many people are active. */
export function organisationSummary(ctx: LedgerContext) {
  const org = ctx.sql.one<{ id: string; name: string; created_at: string }>('SELECT id, name, created_at FROM org');
  const people = ctx.sql.one<{ n: number }>('SELECT COUNT(*) AS n FROM people WHERE active = 1')?.n ?? 0;
  return org ? { id: org.id, name: org.name, createdAt: org.created_at, people } : null;
}
