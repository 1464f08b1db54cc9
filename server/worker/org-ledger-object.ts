import { DurableObject } from 'cloudflare:workers';
import { type ScreenshotStore, screenshotStore } from '../blobs/screenshots.ts';
import { sweepScreenshots } from '../blobs/sweep.ts';
import { nextDuePush } from '../core/due-pushes.ts';
import { createOrgLedger, type OrgLedger } from '../core/ledger.ts';
import { type LedgerOp, type Outcome, runOp } from '../core/remote.ts';
import type { SqlPort } from '../core/sql.ts';
import { deliveryArming } from '../delivery/arming.ts';
import { busyMeter } from './busy-meter.ts';
import { durableObjectSqlPort } from './do-sql-port.ts';
import type { Env } from './env.ts';
import { pushSockets } from './push-sockets.ts';
import { r2Blobs } from './r2-blobs.ts';
import { armDeliveries, deliverDue, workerPolicy } from './webhook-alarm.ts';

// Commands after which something may fall due sooner than the alarm rings: an ask at risk or overdue, an upload
// unattached, a pulse's close or its next round.
const arming = new Set<LedgerOp>([
  'createAsk',
  'transitionAsk',
  'forwardAsk',
  'recordScreenshot',
  'openPulse',
  'updatePulse',
]);
const sweepAtMostEveryMs = 60_000;

/**
 * One organisation's ledger. The object serialises its organisation's writes; each command runs in
 * one transactionSync. Called by RPC with the operation's name: the adapter adds no rules. Its alarm
 * rings when the next ask falls overdue, to count it (views/overdue.ts); when a department ask comes within
 * the hour of its due time or passes it, to push to its people (core/due-pushes.ts); when an uploaded
 * screenshot has waited a day for its ask, to remove it (blobs/sweep.ts); when a pulse closes or its quarterly
 * round opens (pulse-schedule.ts); and for webhook work (webhook-alarm.ts). The earliest wins; no alarm while
 * none is due.
 */
export class OrgLedgerObject extends DurableObject<Env> {
  private readonly ledger: OrgLedger;
  private readonly sql: SqlPort;
  private readonly screenshots: ScreenshotStore;
  private readonly push: ReturnType<typeof pushSockets>;
  private readonly meter: ReturnType<typeof busyMeter>;
  /** webSocketMessage calls: pings never count (the runtime answers them); tests read it. */
  socketMessages = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const sql = durableObjectSqlPort(ctx.storage);
    this.sql = sql;
    this.ledger = createOrgLedger(sql, { allowHttpWebhooks: workerPolicy(env).allowHttp });
    this.push = pushSockets(ctx, sql);
    this.meter = busyMeter(env.BENCH_OBJECT_TIMING === '1');
    this.screenshots = screenshotStore(r2Blobs(env.BLOBS));
  }

  async invoke(op: LedgerOp, args: unknown[]): Promise<Outcome> {
    const outcome = this.meter.time(op, () => runOp(this.ledger, op, args));
    if (outcome.ok && arming.has(op)) await this.arm(this.ledger.nextOverdue());
    if (outcome.ok && deliveryArming.has(op)) await armDeliveries(this.ctx.storage, this.ledger);
    if (outcome.ok) this.meter.time('push', () => this.push.afterWrite(op));
    return outcome;
  }

  /** Push sockets (push-sockets.ts): the Worker forwards an authenticated upgrade here. */
  async fetch(request: Request): Promise<Response> {
    return this.meter.time('connect', () => this.push.accept(request));
  }

  async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    this.socketMessages++;
    if (this.meter.enabled && message === 'busy') return ws.send(JSON.stringify({ busy: this.meter.totals() }));
    this.meter.time('message', () => this.push.message(ws));
  }

  async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, 'closed');
    } catch {
      // Already closed (the runtime answers a close itself at this compatibility date).
    }
  }

  async alarm(): Promise<void> {
    await deliverDue(this.ledger, workerPolicy(this.env));
    // The round may have paused a webhook: its admins are told (core/push-feed.ts).
    this.meter.time('push', () => this.push.flush());
    const next = this.ledger.sweepOverdue().next;
    this.meter.time('due', () => this.pushDue());
    try {
      // A quarterly round opened here reaches open panels at once (its card), as a command's event would.
      if (this.ledger.sweepPulses().opened > 0) this.push.flush();
    } catch (e) {
      console.error(`[tandem] pulse sweep failed: ${(e as Error).message}`);
    }
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

  /** Pushes to whom the asks that came at risk or overdue since the last ring concern; a failure is retried next ring. */
  private pushDue(): void {
    try {
      this.push.dueNow(new Date());
    } catch (error) {
      console.error('[push] due push failed', error);
    }
  }

  /** Rings at the next moment something falls due (not more than once a minute), unless it rings sooner. */
  private async arm(nextOverdue: string | null): Promise<void> {
    const due = [
      nextOverdue,
      nextDuePush(this.sql, new Date()),
      this.ledger.nextScreenshotRemoval(),
      this.ledger.nextPulseWork(),
    ]
      .filter((d) => d !== null)
      .map((d) => Date.parse(d));
    if (due.length === 0) return;
    const at = Math.max(Math.min(...due), Date.now() + sweepAtMostEveryMs);
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }
}
