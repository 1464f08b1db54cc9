import { env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { describe, expect, it } from 'vitest';
import { workerLedgers } from '../../server/worker/ledgers.ts';
import { askTo, newAsk, seededDemo } from '../support/demo.ts';

// The Durable Object counts overdue asks when its alarm rings, and arms it only while an ask can fall due.
describe('the overdue alarm, in workerd', () => {
  it('is armed by an ask to a department with a standard, and its ring sweeps', async () => {
    const demo = await seededDemo(workerLedgers(env, createStorage({ driver: memory() })));
    const stub = env.LEDGER.get(env.LEDGER.idFromName(demo.orgId));
    const alarm = () => runInDurableObject(stub, (_, state) => state.storage.getAlarm());
    expect(await alarm()).toBeNull();

    const payroll = await demo.find('Payroll');
    const before = Date.now();
    const ask = await newAsk(demo.ledger, demo.member, askTo({ kind: 'department', id: payroll.id }, 'Overtime'));
    const armed = await alarm();
    // Not before a minute from now, and no later than the ask's first-response due time.
    expect(armed).toBeGreaterThanOrEqual(before + 60_000);
    expect(armed).toBeLessThanOrEqual(
      Math.max(Date.parse(ask.clock.firstResponseDueAt as string), Date.now() + 60_000),
    );

    // Ringing early counts nothing (nothing is overdue yet) and re-arms for the same ask.
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await alarm()).not.toBeNull();
    const service = await demo.ledger.service(demo.manager, { period: 'month' });
    expect(service.organisation.overdue).toBe(0);
  });
});
