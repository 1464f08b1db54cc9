import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStorage } from 'unstorage';
import { newIdempotencyKey } from '../../extension/utils/idempotency-key.ts';
import type { Principal } from '../../server/core/context.ts';
import { createApp } from '../../server/http/app.ts';
import { sha256Hex } from '../../server/http/credentials.ts';
import { nodeLedgers } from '../../server/node/ledgers.ts';
import { nodeScreenshots } from '../../server/node/screenshots.ts';
import { demoOrg } from '../../server/setup/demo-org.ts';
import { createDemoOrganisation } from '../../server/setup/organisation.ts';
import { loadReadyOrg } from './load-ready-org.ts';

/**
 * The ledger alone: the same thank-you as bench:api's, straight into an on-disk ledger in this
 * thread, 50 at a time (one group commit each, as 50 connections give), with no HTTP, no thread hop
 * and a core to itself. No server can acknowledge durable thank-yous faster than this. `spread`: as
 * bench:api's spread load sends them, from the manager and the admin in turn to 55 people in turn, each
 * landing on other rows of the views than the last (the same work as that load, not one person's).
 */
export async function ledgerCeiling(seconds: number, spread = false): Promise<{ rps: number; cpuUsPerWrite: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-ceiling-'));
  const ledgers = nodeLedgers(dir, createStorage());
  try {
    const codes = await createDemoOrganisation(ledgers);
    const app = createApp({ ledgers, screenshots: nodeScreenshots(dir) });
    const { manager, admin, priya, recipients } = await loadReadyOrg(app, codes);
    const ledger = await ledgers.open(demoOrg.id);
    const principals = await Promise.all([admin, manager].map(async (t) => ledger?.authenticate(await sha256Hex(t))));
    if (!ledger || principals.some((p) => !p)) throw new Error('[bench:api] the ceiling ledger did not open');
    const senders = (spread ? principals : principals.slice(0, 1)) as Principal[];
    const to = spread ? recipients : [priya];
    let n = 0;
    const batch = async () => {
      const one = (i: number) =>
        ledger.createThank(
          senders[(n + i) % senders.length],
          {
            to: [{ kind: 'person', id: to[(n + i) % to.length] }],
            message: 'Thanks for the help!',
            values: [],
            visibility: 'public',
          },
          newIdempotencyKey(),
        );
      await Promise.all(Array.from({ length: 50 }, (_, i) => one(i)));
      n += 50;
    };
    for (const end = performance.now() + 1000; performance.now() < end; ) await batch(); // warm-up
    const start = performance.now();
    const cpu = process.cpuUsage();
    const before = n;
    while (performance.now() - start < seconds * 1000) await batch();
    const used = process.cpuUsage(cpu);
    return {
      rps: ((n - before) * 1000) / (performance.now() - start),
      // This process does nothing else meanwhile: its CPU is the ledger's (and the checkpoints').
      cpuUsPerWrite: (used.user + used.system) / (n - before),
    };
  } finally {
    ledgers.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
