import { createOrgLedger, type LedgerOptions } from '../core/ledger.ts';
import { type LedgerOp, type Outcome, runOp, unavailable } from '../core/remote.ts';
import { type NodeSqlPort, sqlitePort } from './sqlite-port.ts';

const sweepEveryMs = 60_000;

export interface LedgerFile {
  /** Runs one operation; a write answers only once committed. */
  invoke(op: LedgerOp, args: unknown[]): Promise<Outcome>;
  close(): void;
}

/**
 * One organisation's SQLite file, opened in this thread, which is its only writer. Shared by the
 * in-process ledgers (tests) and the ledger thread (the server).
 */
export function openLedgerFile(
  filename: string,
  options: LedgerOptions = {},
  /** How the file is opened: tests put a fault injector around the real port. */
  openPort: (filename: string) => NodeSqlPort = sqlitePort,
): LedgerFile {
  const port = openPort(filename);
  // Migrations and a replay of the views commit on their own, not inside a group commit.
  const ledger = port.alone(() => createOrgLedger(port, options));
  const invoke = async (op: LedgerOp, args: unknown[]): Promise<Outcome> => {
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
  };
  // Counting what fell overdue keeps the managers' reads flat; they are exact without it. Pulses close and
  // their quarterly rounds open in the same round (exactly once: pulse-schedule.ts).
  const sweep = setInterval(() => {
    invoke('sweepOverdue', []).catch((e: Error) => console.error(`[tandem] overdue sweep failed: ${e.message}`));
    invoke('sweepPulses', []).catch((e: Error) => console.error(`[tandem] pulse sweep failed: ${e.message}`));
  }, sweepEveryMs);
  sweep.unref();
  return {
    invoke,
    close: () => {
      clearInterval(sweep);
      port.close();
    },
  };
}
