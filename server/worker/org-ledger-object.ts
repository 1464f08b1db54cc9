import { DurableObject } from 'cloudflare:workers';
import { createOrgLedger, type OrgLedger } from '../core/ledger.ts';
import { type LedgerOp, type Outcome, runOp } from '../core/remote.ts';
import { durableObjectSqlPort } from './do-sql-port.ts';
import type { Env } from './env.ts';

/**
 * One organisation's ledger. The object serialises its organisation's writes; each command runs in
 * one transactionSync. Called by RPC with the operation's name: the adapter adds no rules.
 */
export class OrgLedgerObject extends DurableObject<Env> {
  private readonly ledger: OrgLedger;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.ledger = createOrgLedger(durableObjectSqlPort(ctx.storage));
  }

  invoke(op: LedgerOp, args: unknown[]): Outcome {
    return runOp(this.ledger, op, args);
  }
}
