import type { AsyncLedger } from '../core/remote.ts';
import type { ScreenshotStore } from './screenshots.ts';

/**
 * Removes the screenshots no ask attached within a day: the ledger claims them (an ask can no longer
 * attach one), their blobs go, then the ledger is told. A sweep that stops half way is finished by the
 * next. Node runs it from a timer, the Worker from its Durable Object's alarm. Returns how many went.
 */
export async function sweepScreenshots(
  ledger: Pick<AsyncLedger, 'screenshotsToRemove' | 'screenshotsRemoved'>,
  orgId: string,
  store: ScreenshotStore,
): Promise<number> {
  let removed = 0;
  for (;;) {
    const batch = await ledger.screenshotsToRemove();
    if (batch.length === 0) return removed;
    for (const r of batch) await store.remove(orgId, r.personId, r.id);
    await ledger.screenshotsRemoved(batch);
    removed += batch.length;
  }
}
