import { abortAllDurableObjects, env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { createStorage } from 'unstorage';
import kvBinding from 'unstorage/drivers/cloudflare-kv-binding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { workerLedgers } from '../../server/worker/ledgers.ts';
import { askTo, newAsk, seededDemo } from '../support/demo.ts';
import { openSocket, signInToken } from './push-client.ts';

/*
 * An ask coming due is no write, so no push follows one: the Durable Object's alarm rings at the moment a
 * department ask comes within the hour of its due time and when it passes it, and pushes to whom it concerns
 * (server/core/due-pushes.ts). The clock is vitest's: the object runs in the test's isolate, so its `Date` is the
 * one set here, and its alarm is rung with runDurableObjectAlarm (set in 2030, it never rings by itself).
 */
const MIN = 60_000;
const H = 60 * MIN;
const tuesday = Date.parse('2030-01-08T09:00:00Z');
const setClock = (at: number) => vi.setSystemTime(at);

// The Worker's own registry of organisations (KV), so its HTTP routes find the one seeded here.
const config = () => createStorage({ driver: kvBinding({ binding: env.CONFIG }) });
const stubOf = (orgId: string) => env.LEDGER.get(env.LEDGER.idFromName(orgId));
const alarmOf = (stub: DurableObjectStub) => runInDurableObject(stub, (_, state) => state.storage.getAlarm());

describe('asks coming due, pushed by the Durable Object’s alarm, in workerd', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('pushes to Payroll an hour before its ask is due and when it is overdue, each once; to nobody else', async () => {
    setClock(tuesday);
    const ledgers = workerLedgers(env, config());
    const demo = await seededDemo(ledgers);
    let L = demo.ledger;
    expect((await L.webhooks(demo.admin)).webhooks).toEqual([]); // no webhook: push needs none
    let stub = stubOf(demo.orgId);
    const priyaToken = await signInToken(demo.codes.payroll);
    let priya = await openSocket(priyaToken);
    const maya = await openSocket(await signInToken(demo.codes.manager)); // HR, not Payroll
    const priyaIs = await demo.principalOf('Priya Natarajan');

    const payroll = await demo.find('Payroll');
    const ask = await newAsk(L, demo.member, askTo({ kind: 'department', id: payroll.id }, 'Overtime missing'));
    await priya.nextSeq(); // the new ask, pushed after its write
    const cursor = (await L.notifications(priyaIs, 0)).last;
    const due = Date.parse(ask.clock.firstResponseDueAt as string);
    expect(due).toBeGreaterThan(tuesday + 2 * H);
    // Armed for the moment it comes within the hour (counting it overdue comes later).
    expect(await alarmOf(stub)).toBe(due - H);

    // Rung before that (for something else): nobody is told, and it stays armed for that moment.
    setClock(due - H - 5 * MIN);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await priya.duePushes()).toBe(0);
    expect(await alarmOf(stub)).toBe(due - H);

    // Its last hour begins: Priya is pushed, and her sync finds the notification; Maya hears nothing.
    setClock(due - H + 20_000);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await priya.duePushes()).toBe(1);
    expect((await L.notifications(priyaIs, cursor)).items.map((i) => i.id)).toEqual([`atRisk:${ask.id}`]);
    expect(await alarmOf(stub)).toBe(due);
    // Rung again within the hour: not again.
    setClock(due - 30 * MIN);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await priya.duePushes()).toBe(0);
    expect(await maya.duePushes()).toBe(0);

    // The object is evicted (memory gone, storage and alarm kept); Priya's extension reconnects.
    await abortAllDurableObjects();
    stub = stubOf(demo.orgId);
    L = (await ledgers.open(demo.orgId)) ?? L;
    expect(await alarmOf(stub)).toBe(due);
    priya = await openSocket(priyaToken);
    const maya2 = await openSocket(await signInToken(demo.codes.manager));

    // Its due time passes: pushed once more (the hour before is not told again); then nothing is left to ring for.
    setClock(due + 20_000);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await priya.duePushes()).toBe(1);
    expect((await L.notifications(priyaIs, cursor)).items.map((i) => i.id)).toEqual([`overdue:${ask.id}`]);
    expect(await maya2.duePushes()).toBe(0);
    expect(await alarmOf(stub)).toBeNull();
    setClock(due + 10 * MIN);
    expect(await runDurableObjectAlarm(stub)).toBe(false);
    expect(await priya.duePushes()).toBe(0);
  });

  it('reads only the few asks coming due at a ring, among 1,000 open ones far from due or long overdue', async () => {
    setClock(tuesday);
    const demo = await seededDemo(workerLedgers(env, config()));
    const { ledger: L } = demo;
    await L.updateSettings(demo.admin, { limits: { writesPerMinute: 100_000 } });
    const stub = stubOf(demo.orgId);
    const [it_, legal, payroll] = [await demo.find('IT'), await demo.find('Legal'), await demo.find('Payroll')];
    // 500 asks to IT (due within two hours: long overdue below) and 500 to Legal (due in two days).
    let itDue = 0;
    let legalDue = 0;
    for (let i = 0; i < 1_000; i += 50) {
      const made = await Promise.all(
        Array.from({ length: 50 }, (_, j) => {
          const to = i < 500 ? it_ : legal;
          return newAsk(L, demo.member, askTo({ kind: 'department', id: to.id }, `Backlog ${i + j}`));
        }),
      );
      const latest = Math.max(...made.map((a) => Date.parse(a.clock.firstResponseDueAt as string)));
      if (i < 500) itDue = Math.max(itDue, latest);
      else legalDue = Math.max(legalDue, latest);
    }
    // Hours later: IT's asks are overdue (counted by this ring), and it is Payroll's turn.
    setClock(itDue + 2 * H);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const priya = await openSocket(await signInToken(demo.codes.payroll));
    const asks = [];
    for (const subject of ['Overtime', 'Bonus', 'Expenses']) {
      asks.push(await newAsk(L, demo.member, askTo({ kind: 'department', id: payroll.id }, subject)));
      await priya.nextSeq();
    }
    const due = Math.min(...asks.map((a) => Date.parse(a.clock.firstResponseDueAt as string)));
    expect(due + H).toBeLessThan(legalDue);
    expect(await alarmOf(stub)).toBe(due - H);

    // The ring at Payroll's hour, with every statement the object runs counted by the rows SQLite read.
    setClock(due - H + 20_000);
    const read = await countingRowsRead(stub, () => runDurableObjectAlarm(stub));
    expect(await priya.duePushes()).toBe(1); // three asks, one push
    const duePush = read.filter((r) => r.query.includes('asks_due_to_announce'));
    expect(duePush.length).toBeGreaterThan(0);
    const total = (rows: typeof read) => rows.reduce((n, r) => n + r.rows, 0);
    expect(total(duePush)).toBeLessThanOrEqual(10);
    expect(total(read)).toBeLessThan(100); // the whole ring, with 1,003 open asks
  }, 150_000); // seeding 1,000 asks over RPC: ~15 s on an idle two-core machine
});

/** Runs `ring` with the object's SQL statements recorded: each one's text and the rows SQLite read for it. */
async function countingRowsRead(stub: DurableObjectStub, ring: () => Promise<unknown>) {
  const cursors: { query: string; cursor: SqlStorageCursor<Record<string, SqlStorageValue>> }[] = [];
  await runInDurableObject(stub, (_, state) => {
    const sql = state.storage.sql;
    const exec = sql.exec.bind(sql);
    Object.assign(sql, {
      exec: (query: string, ...params: SqlStorageValue[]) => {
        const cursor = exec(query, ...params);
        cursors.push({ query, cursor });
        return cursor;
      },
    });
  });
  try {
    await ring();
  } finally {
    await runInDurableObject(stub, (_, state) => {
      delete (state.storage.sql as { exec?: unknown }).exec;
    });
  }
  return cursors.map(({ query, cursor }) => ({ query, rows: cursor.rowsRead }));
}
