import type { CreatedOrganisation, NewOrganisation } from '../../shared/organisations.ts';
import { LedgerError } from '../core/errors.ts';
import type { Ledgers } from '../core/remote.ts';
import { newSignInCode } from '../http/credentials.ts';
import { codeHash } from '../http/routes/session.ts';

const maxIdLength = 40;
/** The first admin's invitation lasts a week: an operator hands it on, the admin may not be at their desk. */
const invitationHours = 7 * 24;

/** An organisation id from its name: lowercase ASCII letters, digits and `-`, at most 40 (`Café Ünited` → `cafe-united`). */
export function orgSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxIdLength)
    .replace(/^-+|-+$/g, '');
  // A name in another script has no ASCII letters to keep.
  return slug || 'org';
}

/** `acme`, then `acme-2`, `acme-3`…, each within 40 characters. */
function* candidates(slug: string) {
  yield slug;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    yield `${slug.slice(0, maxIdLength - suffix.length).replace(/-+$/, '')}${suffix}`;
  }
}

/**
 * Creates an organisation with no demo data: its name, its first admin and their one-time invitation
 * (code and /join link on `origin`, as an admin's invitation is). Runtime-agnostic: the Node CLI and the
 * Worker's setup route both call it with validated input.
 */
export async function createOrganisation(
  ledgers: Ledgers,
  input: NewOrganisation,
  origin: string,
): Promise<CreatedOrganisation> {
  let tries = 0;
  for (const orgId of candidates(orgSlug(input.name))) {
    if (++tries > 1000) break;
    if (await ledgers.open(orgId)) continue;
    const code = newSignInCode(orgId);
    const expiresAt = new Date(Date.now() + invitationHours * 3_600_000).toISOString();
    const ledger = await ledgers.create(orgId);
    try {
      const { adminId } = await ledger.createOrganisation({
        id: orgId,
        name: input.name,
        admin: input.admin,
        invitation: { codeHash: await codeHash(orgId, code.split('.')[1]), expiresAt },
      });
      const joinUrl = `${origin}/join#${encodeURIComponent(code)}`;
      return { orgId, name: input.name, admin: { personId: adminId, code, joinUrl, expiresAt } };
    } catch (e) {
      // Made at the same moment by someone else (the registry had not seen it yet): the next id.
      if (e instanceof LedgerError && e.code === 'conflict') continue;
      throw e;
    }
  }
  throw new LedgerError('conflict', `Too many organisations are called ${input.name}`, { name: 'Taken' });
}
