import type { Storage } from 'unstorage';
import { seedDemoHistory } from '../setup/demo-history.ts';
import { demoOrg } from '../setup/demo-org.ts';
import { createDemoOrganisation, type DemoCodes } from '../setup/organisation.ts';
import { nodeLedgers } from './ledgers.ts';

/**
 * Seeds the demo organisation into the data directory and keeps its codes in the configuration, so
 * every start of the server can print them. The history is written with the clock moved back, so it is
 * seeded in this thread, where the ledger can be given a clock; the server's ledger thread opens the
 * files after.
 */
export async function seedDemo(dataDir: string, storage: Storage, history: boolean): Promise<DemoCodes> {
  let clockOffset = 0;
  const seeding = nodeLedgers(dataDir, storage, { now: () => new Date(Date.now() + clockOffset) });
  try {
    const codes = await createDemoOrganisation(seeding, demoOrg.id, {
      history: history
        ? (ledger, demo) =>
            seedDemoHistory(ledger, demo, (at) => {
              clockOffset = at.getTime() - Date.now();
            })
        : undefined,
    });
    await storage.setItem('demo-codes', codes);
    return codes;
  } finally {
    seeding.close();
  }
}

/** The demo's sign-in codes as the server and `npm run org -- demo` print them (tests read these lines). */
export function demoCodeLines(codes: DemoCodes, url: string): string[] {
  return [
    `Demo organisation "${demoOrg.name}": sign in from the extension with server ${url} and a code:`,
    `  member  ${demoOrg.signIn.member.padEnd(16)} ${codes.member}`,
    ...(codes.payroll ? [`  payroll ${demoOrg.signIn.payroll.padEnd(16)} ${codes.payroll}`] : []),
    `  manager ${demoOrg.signIn.manager.padEnd(16)} ${codes.manager}`,
    `  admin   ${demoOrg.signIn.admin.padEnd(16)} ${codes.admin}`,
  ];
}
