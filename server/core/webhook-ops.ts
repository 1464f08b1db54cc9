import type { MyDigest, NewWebhook, UpdateWebhook } from '../../shared/webhooks.ts';
import { nextAnnouncement, sweepAnnouncements } from './at-risk.ts';
import type { LedgerContext, Principal } from './context.ts';
import { claimDeliveries, deliveryResult, nextDelivery, type Outcome } from './delivery.ts';
import * as choice from './digest-choice.ts';
import { nextDigestCheck, sweepDigests } from './digest-schedule.ts';
import { anyActiveWebhook } from './outbox.ts';
import * as sent from './webhook-deliveries.ts';
import * as webhooks from './webhooks.ts';

/** The ledger's webhook operations (createOrgLedger spreads them in): admins' commands and the delivery loop's. */
export function webhookOps(ctx: LedgerContext) {
  return {
    webhooks: (who: Principal) => webhooks.listWebhooks(ctx, who),
    createWebhook: (who: Principal, input: NewWebhook, key: string) => webhooks.createWebhook(ctx, who, input, key),
    updateWebhook: (who: Principal, id: string, input: UpdateWebhook) => webhooks.updateWebhook(ctx, who, id, input),
    deleteWebhook: (who: Principal, id: string) => webhooks.deleteWebhook(ctx, who, id),
    deliveries: (who: Principal, id: string, limit: number) => sent.listDeliveries(ctx, who, id, limit),
    resendDelivery: (who: Principal, id: string, deliveryId: string) => sent.resendDelivery(ctx, who, id, deliveryId),
    testWebhook: (who: Principal, id: string) => webhooks.testWebhook(ctx, who, id),
    myDigest: (who: Principal) => choice.myDigest(ctx, who),
    chooseDigest: (who: Principal, input: MyDigest) => choice.chooseDigest(ctx, who, input),
    /** The loop's round before sending: asks at risk or overdue, and digests whose moment came. */
    scheduleDeliveries: () => ({ announced: sweepAnnouncements(ctx), digests: sweepDigests(ctx) }),
    /** Due deliveries, leased to the caller (the runtime's sender). Never over HTTP: they carry secrets. */
    claimDeliveries: (limit: number) => claimDeliveries(ctx, limit),
    deliveryResult: (id: string, outcome: Outcome) => deliveryResult(ctx, id, outcome),
    /** When the loop has something to do next (the Durable Object's alarm), or null. */
    nextDeliveryWork: () => {
      // No active webhook: nothing to send or announce (a paused one's deliveries wait for its resumption).
      if (!anyActiveWebhook(ctx)) return null;
      const due = [nextDelivery(ctx), nextAnnouncement(ctx), nextDigestCheck(ctx)].filter((d) => d !== null);
      return due.length ? due.sort()[0] : null;
    },
  };
}
