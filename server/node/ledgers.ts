import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Storage } from 'unstorage';
import type { LedgerOptions } from '../core/ledger.ts';
import {
  type AsyncLedger,
  asyncLedger,
  type LedgerOp,
  type Ledgers,
  type Outcome,
  unknownOrgsId,
} from '../core/remote.ts';
import { orgRegistry } from '../setup/org-registry.ts';
import { type LedgerFile, openLedgerFile } from './ledger-file.ts';
import type { NodeSqlPort } from './sqlite-port.ts';

/** Where an organisation's file lives: one SQLite file each under the data directory. */
export const ledgerFilename = (dataDir: string, orgId: string) =>
  // The ledger with no organisation only counts failed sign-ins: one process, memory is exact.
  dataDir === ':memory:' || orgId === unknownOrgsId ? ':memory:' : join(dataDir, 'orgs', `${orgId}.sqlite`);

/** Each organisation's file under the data directory, opened on first use and kept open. */
export function ledgerFiles(dataDir: string, open: (filename: string) => LedgerFile) {
  if (dataDir !== ':memory:') mkdirSync(join(dataDir, 'orgs'), { recursive: true });
  const files = new Map<string, LedgerFile>();
  return {
    file(orgId: string): LedgerFile {
      let f = files.get(orgId);
      if (!f) {
        f = open(ledgerFilename(dataDir, orgId));
        files.set(orgId, f);
      }
      return f;
    },
    close(): void {
      for (const f of files.values()) f.close();
      files.clear();
    },
  };
}

/** Ledgers found through the registry, each reached by a function that runs one operation on it. */
export function registeredLedgers(
  storage: Storage,
  invoke: (orgId: string, op: LedgerOp, args: unknown[]) => Promise<Outcome>,
): Ledgers {
  const registry = orgRegistry(storage);
  const proxies = new Map<string, AsyncLedger>();
  const ledger = (orgId: string) => {
    let proxy = proxies.get(orgId);
    if (!proxy) {
      proxy = asyncLedger((op, args) => invoke(orgId, op, args));
      proxies.set(orgId, proxy);
    }
    return proxy;
  };
  return {
    async open(orgId) {
      return (await registry.has(orgId)) ? ledger(orgId) : null;
    },
    unknownOrgs: () => ledger(unknownOrgsId),
    async create(orgId) {
      const created = ledger(orgId);
      // Opened (so migrated) before anyone can find it: a server running beside `npm run org` may open
      // a registered organisation at any moment, and two processes must not both migrate a new file.
      await created.orgId();
      await registry.add(orgId);
      return created;
    },
  };
}

/**
 * Node's ledgers in this thread: one SQLite file per organisation under the data directory, opened
 * once. `:memory:` keeps everything in memory (tests). The server runs them in a thread of their own
 * (threaded-ledgers.ts); tests and the demo's seeding run them here, where a clock can be passed.
 */
export function nodeLedgers(
  dataDir: string,
  storage: Storage,
  options: LedgerOptions = {},
  openPort?: (filename: string) => NodeSqlPort,
): Ledgers & { close(): void } {
  const files = ledgerFiles(dataDir, (filename) => openLedgerFile(filename, options, openPort));
  return {
    ...registeredLedgers(storage, (orgId, op, args) => files.file(orgId).invoke(op, args)),
    close: files.close,
  };
}
