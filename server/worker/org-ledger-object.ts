import { DurableObject } from 'cloudflare:workers';
import { createStorage } from 'unstorage';
import r2Binding from 'unstorage/drivers/cloudflare-r2-binding';
import { type ScreenshotStore, screenshotStore } from '../blobs/screenshots.ts';
import { sweepScreenshots } from '../blobs/sweep.ts';
import { createOrgLedger, type OrgLedger } from '../core/ledger.ts';
import { type LedgerOp, type Outcome, runOp } from '../core/remote.ts';
import { deliveryArming } from '../delivery/arming.ts';
import { durableObjectSqlPort } from './do-sql-port.ts';
import type { Env } from './env.ts';
import { armDeliveries, deliverDue, workerPolicy } from './webhook-alarm.ts';

// Commands after which something may fall due sooner than the alarm rings: an ask overdue, an upload unattached.
const arming = new Set<LedgerOp>(['createAsk', 'transitionAsk', 'forwardAsk', 'recordScreenshot']);
const sweepAtMostEveryMs = 60_000;

/**
 * One organisation's ledger. The object serialises its organisation's writes; each command runs in
 * one transactionSync. Called by RPC with the operation's name: the adapter adds no rules. Its alarm
 * rings when the next ask falls overdue, to count it (views/overdue.ts), or when an uploaded
 * screenshot has waited a day for its ask, to remove it (blobs/sweep.ts); no alarm while none is due.
 */
export class OrgLedgerObject extends DurableObject<Env> {
  private readonly ledger: OrgLedger;
  private readonly screenshots: ScreenshotStore;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.ledger = createOrgLedger(durableObjectSqlPort(ctx.storage), {
      allowHttpWebhooks: workerPolicy(env).allowHttp,
    });
    this.screenshots = screenshotStore(createStorage({ driver: r2Binding({ binding: env.BLOBS }) }));
  }

  async invoke(op: LedgerOp, args: unknown[]): Promise<Outcome> {
    const outcome = runOp(this.ledger, op, args);
    if (outcome.ok && arming.has(op)) await this.arm(this.ledger.nextOverdue());
    if (outcome.ok && deliveryArming.has(op)) await armDeliveries(this.ctx.storage, this.ledger);
    return outcome;
  }

  async alarm(): Promise<void> {
    await deliverDue(this.ledger, workerPolicy(this.env));
    const next = this.ledger.sweepOverdue().next;
    const orgId = this.ledger.orgId();
    if (orgId) {
      const ledger = this.ledger;
      await sweepScreenshots(
        {
          screenshotsToRemove: async () => ledger.screenshotsToRemove(),
          screenshotsRemoved: async (refs) => ledger.screenshotsRemoved(refs),
        },
        orgId,
        this.screenshots,
      );
    }
    await this.arm(next);
    await armDeliveries(this.ctx.storage, this.ledger);
  }

  /** Rings at the next moment something falls due (not more than once a minute), unless it rings sooner. */
  private async arm(nextOverdue: string | null): Promise<void> {
    const due = [nextOverdue, this.ledger.nextScreenshotRemoval()].filter((d) => d !== null).map((d) => Date.parse(d));
    if (due.length === 0) return;
    const at = Math.max(Math.min(...due), Date.now() + sweepAtMostEveryMs);
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }
}
