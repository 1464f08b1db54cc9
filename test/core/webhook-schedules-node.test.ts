import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { afterEach, describe, expect, it } from 'vitest';
import { localWeek } from '../../server/core/digest-schedule.ts';
import type { AsyncLedger } from '../../server/core/remote.ts';
import { nodeLedgers } from '../../server/node/ledgers.ts';
import { askTo, newAsk, seededDemo } from '../support/demo.ts';

/*
 * What the delivery loop writes on a schedule, under a controlled clock: asks at risk and overdue, once
 * each; managers' weekly digests at the organisation's local day and hour, once per manager and ISO week,
 * also after the ledger file is closed and opened again (a restart).
 */
const MIN = 60_000;
let clock = 0;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const hook = (events: ('ask.at_risk' | 'ask.overdue' | 'digest')[], departmentId?: string) => ({
  name: events.join(' '),
  target: 'standard' as const,
  url: 'https://hooks.example/x',
  events,
  departmentId,
});
const kinds = async (L: AsyncLedger, admin: Parameters<AsyncLedger['webhooks']>[0], id: string) =>
  (await L.deliveries(admin, id, 100)).deliveries.map((d) => d.kind).sort();

describe('scheduled webhook deliveries', () => {
  it('announces a department ask an hour before it is due and when overdue, each once', async () => {
    clock = Date.parse('2026-12-01T09:00:00Z'); // a Tuesday, in business hours
    const demo = await seededDemo(
      nodeLedgers(':memory:', createStorage({ driver: memory() }), { now: () => new Date(clock) }),
    );
    const { ledger: L, admin, member } = demo;
    const payroll = await demo.find('Payroll');
    const facilities = await demo.find('Facilities');
    const desk = (await L.createWebhook(admin, hook(['ask.at_risk', 'ask.overdue'], payroll.id), 'desk')).result;
    const other = (await L.createWebhook(admin, hook(['ask.at_risk', 'ask.overdue'], facilities.id), 'other')).result;
    const ask = await newAsk(L, member, askTo({ kind: 'department', id: payroll.id }, 'Overtime'));
    const due = Date.parse(ask.clock.firstResponseDueAt as string);
    expect(due).toBeGreaterThan(clock + 60 * MIN);
    expect(await L.nextDeliveryWork()).toBe(new Date(due - 60 * MIN).toISOString());

    clock = due - 61 * MIN;
    expect(await L.scheduleDeliveries()).toMatchObject({ announced: 0 });
    clock = due - 30 * MIN;
    expect(await L.scheduleDeliveries()).toMatchObject({ announced: 1 });
    expect(await L.scheduleDeliveries()).toMatchObject({ announced: 0 });
    expect(await kinds(L, admin, desk.id)).toEqual(['ask.at_risk']);
    // Its delivery is due now (no loop runs here); once sent, the next work is the ask falling overdue.
    expect(await L.nextDeliveryWork()).toBe(new Date(clock).toISOString());
    const [claimed] = await L.claimDeliveries(10);
    await L.deliveryResult(claimed.id, { ok: true, status: 200, error: null, excerpt: null });
    expect(await L.nextDeliveryWork()).toBe(new Date(due).toISOString());
    clock = due + MIN;
    expect(await L.scheduleDeliveries()).toMatchObject({ announced: 1 });
    clock += 60 * MIN;
    expect(await L.scheduleDeliveries()).toMatchObject({ announced: 0 });
    expect(await kinds(L, admin, desk.id)).toEqual(['ask.at_risk', 'ask.overdue']);
    expect(await kinds(L, admin, other.id)).toEqual([]);
  });

  it('sends each manager’s digest on the organisation’s day and hour, once a week, across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-digest-'));
    dirs.push(dir);
    const storage = createStorage({ driver: memory() });
    // Monday 30 November 2026, 06:00 UTC = 07:00 in Paris.
    clock = Date.parse('2026-11-30T06:00:00Z');
    const options = { now: () => new Date(clock) };
    const first = nodeLedgers(dir, storage, options);
    const demo = await seededDemo(first);
    const { admin, manager } = demo;
    let L = demo.ledger;
    const bus = (await L.createWebhook(admin, hook(['digest']), 'bus')).result;
    const other = (await L.createWebhook(admin, { ...hook(['ask.at_risk']), name: 'No digests' }, 'nodigest')).result;
    expect(await L.chooseDigest(manager, { webhookId: other.id }).catch((e) => e.fields)).toEqual({
      webhookId: 'Not a digest webhook',
    });
    await L.chooseDigest(manager, { webhookId: bus.id });
    await L.chooseDigest(admin, { webhookId: bus.id });
    await L.updateSettings(admin, { digest: { day: 'mon', hour: 8, timeZone: 'Europe/Paris' } });

    expect(localWeek(new Date(clock), 'Europe/Paris')).toEqual({ day: 0, hour: 7, week: '2026-W49' });
    expect(await L.scheduleDeliveries()).toMatchObject({ digests: 0 });
    clock = Date.parse('2026-11-30T07:05:00Z'); // 08:05 in Paris
    expect(await L.scheduleDeliveries()).toMatchObject({ digests: 2 });
    expect(await L.scheduleDeliveries()).toMatchObject({ digests: 0 });

    // A restart: the file closed and opened again, the same hour, then later that week.
    first.close();
    L = (await nodeLedgers(dir, storage, options).open(demo.orgId)) as AsyncLedger;
    expect(await L.scheduleDeliveries()).toMatchObject({ digests: 0 });
    clock = Date.parse('2026-12-03T12:00:00Z');
    expect(await L.scheduleDeliveries()).toMatchObject({ digests: 0 });
    expect(await kinds(L, admin, bus.id)).toEqual(['digest', 'digest']);

    // Sunday night in Paris is still week 49; Monday 08:00 there is week 50's moment.
    clock = Date.parse('2026-12-06T22:30:00Z');
    expect(await L.scheduleDeliveries()).toMatchObject({ digests: 0 });
    clock = Date.parse('2026-12-07T07:00:00Z');
    expect(await L.scheduleDeliveries()).toMatchObject({ digests: 2 });
    const [latest] = (await L.deliveries(admin, bus.id, 1)).deliveries;
    expect(latest.kind).toBe('digest');
    // A manager who stops choosing a webhook gets none.
    await L.chooseDigest(manager, { webhookId: null });
    clock = Date.parse('2026-12-14T07:00:00Z');
    expect(await L.scheduleDeliveries()).toMatchObject({ digests: 1 });
  });
});
