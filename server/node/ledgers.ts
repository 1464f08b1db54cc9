import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Storage } from 'unstorage';
import { createOrgLedger, type LedgerOptions, type OrgLedger } from '../core/ledger.ts';
import { type AsyncLedger, asyncLedger, type Ledgers, runOp, unavailable } from '../core/remote.ts';
import { orgRegistry } from '../setup/org-registry.ts';
import { type NodeSqlPort, sqlitePort } from './sqlite-port.ts';

const sweepEveryMs = 60_000;

/**
 * Node's ledgers: one SQLite file per organisation under the data directory, opened once and kept
 * in this process, which is the organisation's only writer. `:memory:` keeps everything in memory (tests).
 */
export function nodeLedgers(
  dataDir: string,
  storage: Storage,
  options: LedgerOptions = {},
  /** How a ledger file is opened: tests put a fault injector around the real port. */
  openPort: (filename: string) => NodeSqlPort = sqlitePort,
): Ledgers & { close(): void } {
  const registry = orgRegistry(storage);
  const open = new Map<string, { ledger: OrgLedger; remote: AsyncLedger; close(): void }>();
  if (dataDir !== ':memory:') mkdirSync(join(dataDir, 'orgs'), { recursive: true });

  const load = (orgId: string) => {
    let entry = open.get(orgId);
    if (!entry) {
      const port = openPort(dataDir === ':memory:' ? ':memory:' : join(dataDir, 'orgs', `${orgId}.sqlite`));
      const ledger = createOrgLedger(port, options);
      const remote = asyncLedger(async (op, args) => {
        const before = port.writes();
        const outcome = runOp(ledger, op, args);
        // Acknowledge no write before it is committed; reads answer at once. A failed group commit
        // rolled every command of its batch back: none of them is acknowledged.
        if (port.writes() !== before) {
          try {
            await port.committed();
          } catch (e) {
            return unavailable((e as Error).message);
          }
        }
        return outcome;
      });
      // Counting what fell overdue keeps the managers' reads flat; they are exact without it.
      const sweep = setInterval(() => {
        remote.sweepOverdue().catch((e: Error) => console.error(`[tandem] overdue sweep failed: ${e.message}`));
      }, sweepEveryMs);
      sweep.unref();
      entry = {
        ledger,
        remote,
        close: () => {
          clearInterval(sweep);
          port.close();
        },
      };
      open.set(orgId, entry);
    }
    return entry.remote;
  };

  return {
    async open(orgId) {
      return (await registry.has(orgId)) ? load(orgId) : null;
    },
    async create(orgId) {
      const ledger = load(orgId);
      await registry.add(orgId);
      return ledger;
    },
    close() {
      for (const entry of open.values()) entry.close();
      open.clear();
    },
  };
}
