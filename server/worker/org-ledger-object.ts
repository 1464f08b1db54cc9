import { DurableObject } from 'cloudflare:workers';
import { createOrgLedger, type OrgLedger } from '../core/ledger.ts';
import { type LedgerOp, type Outcome, runOp } from '../core/remote.ts';
import { durableObjectSqlPort } from './do-sql-port.ts';
import type { Env } from './env.ts';

// Commands after which an ask may fall overdue sooner than the alarm rings.
const arming = new Set<LedgerOp>(['createAsk', 'transitionAsk', 'forwardAsk']);
const sweepAtMostEveryMs = 60_000;

/**
 * One organisation's ledger. The object serialises its organisation's writes; each command runs in
 * one transactionSync. Called by RPC with the operation's name: the adapter adds no rules. Its alarm
 * rings when the next ask falls overdue, to count it (views/overdue.ts); no alarm while none is due.
 */
export class OrgLedgerObject extends DurableObject<Env> {
  private readonly ledger: OrgLedger;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.ledger = createOrgLedger(durableObjectSqlPort(ctx.storage));
  }

  async invoke(op: LedgerOp, args: unknown[]): Promise<Outcome> {
    const outcome = runOp(this.ledger, op, args);
    if (outcome.ok && arming.has(op)) await this.armSweep(this.ledger.nextOverdue());
    return outcome;
  }

  async alarm(): Promise<void> {
    await this.armSweep(this.ledger.sweepOverdue().next);
  }

  /** Rings at the next ask's overdue moment (not more than once a minute), unless it rings sooner. */
  private async armSweep(next: string | null): Promise<void> {
    if (next === null) return;
    const at = Math.max(Date.parse(next), Date.now() + sweepAtMostEveryMs);
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }
}
