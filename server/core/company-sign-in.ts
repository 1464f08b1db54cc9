import { exchangeCodeSeconds } from '../../shared/company-sign-in.ts';
import type { LedgerContext, Principal } from './context.ts';
import { LedgerError } from './errors.ts';
import { countWrite } from './limits.ts';
import { personByEmail } from './org-admin.ts';

/**
 * Company sign-in: the person Cloudflare Access vouched for (created on a first visit from an allowed domain)
 * gets a one-time exchange code. It is stored as a one-time sign-in code, so redeeming it is the code sign-in's
 * own transaction (token and `token.issued` event together, wrong codes throttled); issuing it records no event,
 * as issuing a token's code is not a change to the organisation (a first visit's `person.added` is).
 */
export function issueExchangeCode(
  ctx: LedgerContext,
  orgId: string,
  identity: { email: string; name: string },
  provision: boolean,
  /** The code's hash, bound to the extension's redirect URL and PKCE challenge (the HTTP layer makes it). */
  codeHash: string,
): Principal {
  return ctx.sql.transaction(() => {
    const who = personByEmail(ctx, orgId, identity, provision);
    if (!who) {
      throw new LedgerError(
        'forbidden',
        `${identity.email} has no active Tandem account in this organisation: ask an admin to add you`,
      );
    }
    // A code is a write like any other: a signed-in browser cannot fill the table without end.
    countWrite(ctx, who);
    // One-time codes past their expiry can never sign in: forget those a day old.
    const now = ctx.now().getTime();
    const dayAgo = new Date(now - 86_400_000).toISOString();
    ctx.sql.run('DELETE FROM sign_in_codes WHERE reusable = 0 AND expires_at < ?', dayAgo);
    ctx.sql.run(
      'INSERT INTO sign_in_codes (code_hash, person_id, reusable, expires_at) VALUES (?, ?, 0, ?)',
      codeHash,
      who.personId,
      new Date(now + exchangeCodeSeconds * 1000).toISOString(),
    );
    return who;
  });
}
