import type { OrgLedger } from '../core/ledger.ts';
import type { OutboundPolicy } from '../delivery/policy.ts';
import { deliveryRound } from '../delivery/round.ts';
import { send } from '../delivery/send.ts';

/*
 * The Durable Object's side of the webhook loop: its alarm sends what is due (delivery/round.ts) and is
 * armed for the next delivery, retry, ask at risk or digest check. Cloudflare's network refuses private
 * addresses itself, so no DNS check here; http only where WEBHOOK_ALLOW_HTTP allows it.
 */

export const workerPolicy = (env: { WEBHOOK_ALLOW_HTTP?: string }): OutboundPolicy => ({
  allowHttp: env.WEBHOOK_ALLOW_HTTP === '1',
  allowPrivate: false,
});

/** Sends what is due; a failure is logged, never thrown (the overdue sweep shares the alarm). */
export async function deliverDue(ledger: OrgLedger, policy: OutboundPolicy): Promise<void> {
  try {
    await deliveryRound(ledger, (d) => send(d, { policy }));
  } catch (e) {
    console.error(`[tandem] webhook delivery round failed: ${(e as Error).message}`);
  }
}

/** Rings when the next delivery work is due (now, if it is overdue), unless the alarm rings sooner. */
export async function armDeliveries(storage: DurableObjectStorage, ledger: OrgLedger): Promise<void> {
  const next = ledger.nextDeliveryWork();
  if (next === null) return;
  const at = Math.max(Date.parse(next), Date.now());
  const current = await storage.getAlarm();
  if (current === null || current > at) await storage.setAlarm(at);
}
