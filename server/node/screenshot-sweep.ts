import type { Storage } from 'unstorage';
import type { ScreenshotStore } from '../blobs/screenshots.ts';
import { sweepScreenshots } from '../blobs/sweep.ts';
import type { Ledgers } from '../core/remote.ts';
import { orgRegistry } from '../setup/org-registry.ts';

const everyMs = 10 * 60_000;

/** Node: every organisation's unattached screenshots, swept once now and then every ten minutes. */
export function sweepScreenshotsPeriodically(ledgers: Ledgers, storage: Storage, store: ScreenshotStore): () => void {
  const registry = orgRegistry(storage);
  const sweep = async () => {
    for (const orgId of await registry.list()) {
      const ledger = await ledgers.open(orgId);
      if (ledger) await sweepScreenshots(ledger, orgId, store);
    }
  };
  const run = () => void sweep().catch((e: Error) => console.error(`[tandem] screenshot sweep failed: ${e.message}`));
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
