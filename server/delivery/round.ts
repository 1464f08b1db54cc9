import type { Claimed, Outcome } from '../core/delivery.ts';

/** The ledger operations a delivery round uses (an AsyncLedger has them; so does a Durable Object's ledger). */
export interface DeliveryLedger {
  scheduleDeliveries(): unknown;
  claimDeliveries(limit: number): Claimed[] | Promise<Claimed[]>;
  deliveryResult(id: string, outcome: Outcome): unknown;
}

const batch = 20;
const batchesPerRound = 10;

/**
 * One round of the delivery loop for one organisation: write what schedules call for (digests, asks at
 * risk), then claim due deliveries in batches, send each batch at once and record every outcome. Returns
 * how many were sent. The same on Node (a timer) and in the Durable Object (its alarm).
 */
export async function deliveryRound(ledger: DeliveryLedger, send: (d: Claimed) => Promise<Outcome>): Promise<number> {
  await ledger.scheduleDeliveries();
  let sent = 0;
  for (let i = 0; i < batchesPerRound; i++) {
    const claimed = await ledger.claimDeliveries(batch);
    await Promise.all(
      claimed.map(async (d) => {
        await ledger.deliveryResult(d.id, await send(d));
      }),
    );
    sent += claimed.length;
    if (claimed.length < batch) break;
  }
  return sent;
}
