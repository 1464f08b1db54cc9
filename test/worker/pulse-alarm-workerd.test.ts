import { env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { describe, expect, it } from 'vitest';
import { workerLedgers } from '../../server/worker/ledgers.ts';
import { seededDemo } from '../support/demo.ts';

// The Durable Object's alarm closes pulses when their time comes and opens each quarterly round once.
describe('the pulse alarm, in workerd', () => {
  it('is armed by a pulse, closes it when due, and opens the next quarter exactly once', async () => {
    const demo = await seededDemo(workerLedgers(env, createStorage({ driver: memory() })));
    const stub = env.LEDGER.get(env.LEDGER.idFromName(demo.orgId));
    const alarm = () => runInDurableObject(stub, (_, state) => state.storage.getAlarm());
    const payroll = (await demo.find('Payroll')).id;
    const closesAt = new Date(Date.now() + 2 * 3_600_000).toISOString();
    const { result: pulse } = await demo.ledger.openPulse(
      demo.manager,
      { departmentIds: [payroll], audience: { kind: 'everyone' }, closesAt, repeat: 'quarterly' },
      'alarm-pulse',
    );
    const armed = await alarm();
    expect(armed).not.toBeNull();
    expect(armed).toBeLessThanOrEqual(Date.parse(closesAt));

    // Its time has come (moved back in its own table: the test cannot wait two hours or a quarter).
    await runInDurableObject(stub, (_, state) => {
      state.storage.sql.exec(
        "UPDATE pulses SET opens_at = '2026-01-05T09:00:00.000Z', closes_at = '2026-01-19T09:00:00.000Z' WHERE id = ?",
        pulse.id,
      );
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    // Rung again (the new round armed it): no second round, no second close.
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const { pulses } = await demo.ledger.pulses(demo.manager);
    expect(pulses.map((p) => [p.round, p.state])).toEqual([
      [2, 'open'],
      [1, 'closed'],
    ]);
    // The new round is armed for in turn.
    expect(await alarm()).not.toBeNull();
    const events = (await demo.ledger.events(demo.admin, { after: 0, limit: 500 })).events.filter((e) =>
      e.type.startsWith('pulse.'),
    );
    expect(events.map((e) => [e.type, e.actorId === null])).toEqual([
      ['pulse.opened', false],
      ['pulse.closed', true],
      ['pulse.opened', true],
    ]);
  });
});
