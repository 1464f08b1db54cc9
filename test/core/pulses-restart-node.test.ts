import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { afterAll, describe, expect, it } from 'vitest';
import type { AsyncLedger } from '../../server/core/remote.ts';
import { nodeLedgers } from '../../server/node/ledgers.ts';
import { seededDemo } from '../support/demo.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-pulses-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A quarterly pulse's next round opens once, however often the loop runs and the server restarts.
describe('quarterly pulses across restarts (Node, a file)', () => {
  it('opens round 2 once and round 3 a quarter later', async () => {
    let clock = Date.parse('2026-01-05T09:00:00.000Z');
    const storage = createStorage({ driver: memory() });
    const start = () => nodeLedgers(dir, storage, { now: () => new Date(clock) });
    let ledgers = start();
    const demo = await seededDemo(ledgers);
    const payroll = (await demo.find('Payroll')).id;
    await demo.ledger.openPulse(
      demo.manager,
      {
        departmentIds: [payroll],
        audience: { kind: 'everyone' },
        closesAt: '2026-01-19T09:00:00.000Z',
        repeat: 'quarterly',
      },
      'quarterly-1',
    );
    const rounds = async (L: AsyncLedger) =>
      (await L.pulses(demo.manager)).pulses.map((p) => `${p.round} ${p.opensAt} ${p.state}`).reverse();
    for (const [at, expected] of [
      ['2026-04-05T08:59:00.000Z', ['1 2026-01-05T09:00:00.000Z closed']],
      ['2026-04-05T09:00:30.000Z', ['1 2026-01-05T09:00:00.000Z closed', '2 2026-04-05T09:00:00.000Z open']],
      [
        '2026-07-05T09:01:00.000Z',
        ['1 2026-01-05T09:00:00.000Z closed', '2 2026-04-05T09:00:00.000Z closed', '3 2026-07-05T09:00:00.000Z open'],
      ],
    ] as const) {
      clock = Date.parse(at);
      // Twice before a restart, once after it: the same outcome.
      let L = (await ledgers.open(demo.orgId)) as AsyncLedger;
      await Promise.all([L.sweepPulses(), L.sweepPulses()]);
      ledgers.close();
      ledgers = start();
      L = (await ledgers.open(demo.orgId)) as AsyncLedger;
      await L.sweepPulses();
      expect(await rounds(L)).toEqual(expected);
    }
    ledgers.close();
  });
});
