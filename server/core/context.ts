import type { Role } from '../../shared/people.ts';
import type { SqlPort } from './sql.ts';

/** What every ledger function gets first: the organisation's SQL, a clock and an id source. */
export interface LedgerContext {
  sql: SqlPort;
  now: () => Date;
  newId: (prefix: string) => string;
  /** Whether webhooks may use http:// (the operator allows it); https only otherwise. */
  allowHttpWebhooks?: boolean;
}

/** Who is acting. The organisation comes from the credential, never from the request. */
export interface Principal {
  orgId: string;
  personId: string;
  role: Role;
}

export function isManager(principal: Principal): boolean {
  return principal.role === 'manager' || principal.role === 'admin';
}
