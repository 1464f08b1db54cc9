import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NodeSqlPort } from '../../server/node/sqlite-port.ts';
import { sqlitePort } from '../../server/node/sqlite-port.ts';
import { answer } from '../contract/pulses-contract.ts';
import { bearer, post, testApp } from '../support/node-app.ts';

/*
 * Pulses over HTTP, and the anonymity the issue demands: nothing stored, exported or answered ties a response to
 * its person, and no filter narrows a result below the threshold. The SQLite tables are read directly.
 */

const hour = 3_600_000;
let clock = Date.now();
let t: Awaited<ReturnType<typeof testApp>>;
const ports: NodeSqlPort[] = [];
let db: NodeSqlPort;
const tokens: Record<string, string> = {};
const people: Record<string, { id: string; email: string }> = {};
let payroll = '';
let facilities = '';

const respondents = ['Sam Rivera', 'Maya Okafor', 'Jonas Berg', 'Aisha Bello', 'Carlos Mendes', 'Kenji Sato'];
const comments = respondents.map((_, i) => `Payslips are a puzzle ${i}`);

const get = async (token: string, path: string) => {
  const res = await t.request(path, { headers: bearer(token) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const send = (token: string, path: string, body: unknown, key?: string, method = 'POST') =>
  t.request(path, { ...post(body, { ...bearer(token), ...(key ? { 'idempotency-key': key } : {}) }), method });
const open = async (departmentIds: string[], extra: Record<string, unknown> = {}, key = crypto.randomUUID()) => {
  const res = await send(
    tokens.manager,
    '/v1/pulses',
    { departmentIds, closesAt: new Date(clock + 7 * 24 * hour).toISOString(), ...extra },
    key,
  );
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; opensAt: string; closesAt: string };
};

/** Every row of every table, as text, keyed by table. */
function dump(): Map<string, Set<string>> {
  const tables = db.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  );
  return new Map(
    tables.map(({ name }) => [name, new Set(db.all(`SELECT * FROM "${name}"`).map((r) => JSON.stringify(r)))]),
  );
}

beforeAll(async () => {
  t = await testApp(
    (filename) => {
      const port = sqlitePort(filename);
      ports.push(port);
      return port;
    },
    { now: () => new Date(clock) },
  );
  db = ports.find((p) => p.one<{ id: string }>('SELECT id FROM org')?.id === 'demo') as NodeSqlPort;
  tokens.manager = t.demo.manager;
  tokens.admin = t.demo.admin;
  for (const name of [...respondents, 'Tom Becker', 'Priya Natarajan', 'Grace Kim', 'Omar Haddad']) {
    tokens[name] = await t.tokenFor(name);
    const row = db.one<{ id: string; email: string }>('SELECT id, email FROM people WHERE name = ?', name);
    people[name] = row as { id: string; email: string };
  }
  payroll = (await t.find(t.demo.member, 'Payroll')).id;
  facilities = (await t.find(t.demo.member, 'Facilities')).id;
});

describe('a pulse over HTTP', () => {
  it('keeps no row, event, export or answer that ties a response to its person', async () => {
    const pulse = await open([payroll]);
    const before = dump();
    const seqBefore = db.one<{ s: number }>('SELECT MAX(seq) AS s FROM events')?.s ?? 0;
    for (const [i, name] of respondents.entries()) {
      clock += 7 * 60_000; // minutes apart, as people answer
      const res = await send(
        tokens[name],
        `/v1/pulses/${pulse.id}/responses`,
        answer(payroll, 6, 1 + i, comments[i]),
        `answer-${i}-key`,
      );
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const after = dump();
    const identities = respondents.flatMap((n) => [people[n].id, people[n].email, n]);
    const pulseTimes = [pulse.opensAt, pulse.closesAt];
    const added: string[] = [];
    for (const [table, rows] of after) {
      for (const row of rows) if (!before.get(table)?.has(row)) added.push(`${table}: ${row}`);
    }
    // What answering wrote: markers, ratings, comments, the respondent count, and events of no one.
    expect(new Set(added.map((r) => r.split(':')[0]))).toEqual(
      new Set(['pulse_markers', 'pulse_responses', 'pulse_comments', 'pulse_departments', 'events']),
    );
    for (const row of added) {
      for (const who of identities) expect(row, row).not.toContain(who);
      // No time finer than the pulse's own: nothing says when anyone answered.
      for (const time of row.match(/\d{4}-\d\d-\d\dT[\d:.]+Z/g) ?? []) expect(pulseTimes, row).toContain(time);
    }
    // Responses and markers share nothing but the pulse and department: no rowid order, no common key.
    const schema = (name: string) =>
      db.one<{ sql: string }>('SELECT sql FROM sqlite_master WHERE name = ?', name)?.sql ?? '';
    for (const table of ['pulse_responses', 'pulse_comments', 'pulse_markers'])
      expect(schema(table)).toContain('WITHOUT ROWID');
    const markers = db
      .all<{ marker: string }>('SELECT marker FROM pulse_markers WHERE pulse_id = ?', pulse.id)
      .map((m) => m.marker);
    expect(markers).toHaveLength(6);
    const responseIds = db
      .all<{ id: string }>('SELECT id FROM pulse_responses WHERE pulse_id = ?', pulse.id)
      .map((r) => r.id);
    expect(responseIds.filter((id) => markers.includes(id))).toEqual([]);
    // A marker is keyed by the organisation's secret: a plain hash of what is known does not find it.
    for (const name of respondents) {
      const guess = createHash('sha256').update(`marker:${pulse.id}:${payroll}:${people[name].id}`).digest('hex');
      expect(markers).not.toContain(guess);
    }
    const secret = db.one<{ secret: string }>('SELECT secret FROM pulse_secret')?.secret as string;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    // The events written name no actor, carry nothing, and are dated at the pulse's opening.
    const events = db.all<{ type: string; actor_id: string | null; data: string; at: string }>(
      'SELECT type, actor_id, data, at FROM events WHERE seq > ?',
      seqBefore,
    );
    expect(events).toEqual(
      respondents.map(() => ({ type: 'pulse.answered', actor_id: null, data: '{}', at: pulse.opensAt })),
    );
    // The admin's export leaves them out altogether (their place in the log would tell when someone answered).
    const exported = await get(tokens.admin, '/v1/events?after=0&limit=500');
    const exportText = JSON.stringify(exported.body);
    expect(exportText).not.toContain('pulse.answered');
    expect(exportText).not.toContain(secret);
    for (const c of comments) expect(exportText).not.toContain(c);
    // Nor is anyone told: the department's notifications and the panel's sync say nothing of answers.
    const priyaTold = await get(tokens['Priya Natarajan'], `/v1/notifications?after=${seqBefore}`);
    for (const n of respondents) expect(JSON.stringify(priyaTold.body)).not.toContain(n);
    // Closed, the results show comments without names or times, in an order of their own.
    expect((await send(tokens.manager, `/v1/pulses/${pulse.id}/close`, undefined)).status).toBe(200);
    const results = await get(tokens.manager, `/v1/pulses/${pulse.id}/results`);
    expect(results.status).toBe(200);
    const text = JSON.stringify(results.body);
    for (const who of identities) expect(text).not.toContain(who);
    const shown = (results.body as { departments: { comments: string[] }[] }).departments[0].comments;
    expect([...shown].sort()).toEqual([...comments].sort());
    expect((await get(tokens.manager, `/v1/pulses/${pulse.id}/results`)).body).toEqual(results.body);
  });

  it('answers a retried response once and refuses a second; a skip comes back once, then is gone', async () => {
    const pulse = await open([facilities]);
    const sam = tokens['Sam Rivera'];
    const body = answer(facilities, 5, 5);
    expect((await send(sam, `/v1/pulses/${pulse.id}/responses`, body, 'retry-key-1')).status).toBe(201);
    const retry = await send(sam, `/v1/pulses/${pulse.id}/responses`, body, 'retry-key-1');
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual({ pulseId: pulse.id, departmentId: facilities, answered: true });
    const again = await send(sam, `/v1/pulses/${pulse.id}/responses`, body, 'retry-key-2');
    expect(again.status).toBe(409);
    expect(db.one<{ n: number }>('SELECT COUNT(*) AS n FROM pulse_responses WHERE pulse_id = ?', pulse.id)?.n).toBe(1);
    // Grace skips: gone until the pulse's midpoint, back once as a reminder, gone for good when skipped again.
    const grace = tokens['Grace Kim'];
    const maya = tokens['Maya Okafor'];
    const cards = async (token: string) =>
      (
        (await get(token, '/v1/pulses/mine')).body as { pending: { pulseId: string; reminder: boolean }[] }
      ).pending.filter((c) => c.pulseId === pulse.id);
    // Grace is in Facilities: not asked about it.
    expect(await cards(grace)).toEqual([]);
    expect(await cards(maya)).toEqual([expect.objectContaining({ reminder: false })]);
    const skip = await send(maya, `/v1/pulses/${pulse.id}/skip`, { departmentId: facilities });
    expect(skip.status).toBe(200);
    const { remindAt } = (await skip.json()) as { remindAt: string };
    expect(Date.parse(remindAt)).toBe((Date.parse(pulse.opensAt) + Date.parse(pulse.closesAt)) / 2);
    expect(await cards(maya)).toEqual([]);
    clock = Date.parse(remindAt) + 1;
    expect(await cards(maya)).toEqual([expect.objectContaining({ reminder: true })]);
    expect(await (await send(maya, `/v1/pulses/${pulse.id}/skip`, { departmentId: facilities })).json()).toMatchObject({
      remindAt: null,
    });
    expect(await cards(maya)).toEqual([]);
    // Closing time comes: the loop closes it (no actor), and nobody can answer any more.
    clock = Date.parse(pulse.closesAt) + 1;
    const ledger = await t.ledgers.open('demo');
    expect(await ledger?.sweepPulses()).toMatchObject({ closed: expect.any(Number) });
    expect(db.one('SELECT closed_at FROM pulses WHERE id = ?', pulse.id)).toEqual({ closed_at: pulse.closesAt });
    expect((await send(tokens['Omar Haddad'], `/v1/pulses/${pulse.id}/responses`, body, 'too-late-1')).status).toBe(
      409,
    );
    // A retry of an answer recorded before the close still answers the same; another answer does not.
    expect((await send(sam, `/v1/pulses/${pulse.id}/responses`, body, 'retry-key-1')).status).toBe(201);
    expect((await send(sam, `/v1/pulses/${pulse.id}/responses`, body, 'retry-key-3')).status).toBe(409);
  });

  it('never shows fewer than the threshold, narrowed by department or not, to anyone', async () => {
    const pulse = await open([payroll, facilities]);
    for (const [i, name] of respondents.slice(0, 4).entries()) {
      await send(tokens[name], `/v1/pulses/${pulse.id}/responses`, answer(payroll, 7, 1, `Few ${i}`), `few-${i}-key`);
    }
    for (const [i, name] of respondents.slice(0, 5).entries()) {
      await send(tokens[name], `/v1/pulses/${pulse.id}/responses`, answer(facilities, 4, 4), `fac-${i}-key`);
    }
    // Open: nothing for anyone, not even counts.
    const early = await get(tokens.admin, `/v1/pulses/${pulse.id}/results`);
    expect(early.body).toMatchObject({
      departments: [
        { hidden: 'open', respondents: null },
        { hidden: 'open', respondents: null },
      ],
    });
    await send(tokens.manager, `/v1/pulses/${pulse.id}/close`, undefined);
    for (const query of ['', `?departmentId=${payroll}`, `?departmentId=${payroll}&period=2026`]) {
      for (const token of [tokens.admin, tokens.manager, tokens['Tom Becker'], tokens['Priya Natarajan']]) {
        const res = await get(token, `/v1/pulses/${pulse.id}/results${query}`);
        expect(res.status).toBe(200);
        const cell = (
          res.body as {
            departments: { departmentId: string; hidden: string; dimensions: unknown[]; comments: string[] }[];
          }
        ).departments.find((d) => d.departmentId === payroll);
        expect(cell).toMatchObject({ hidden: 'below_threshold', dimensions: [], comments: [] });
        expect(JSON.stringify(res.body)).not.toContain('Few ');
      }
    }
    // Facilities (5) shows to managers; Payroll's members see only Payroll; others are refused.
    const all = await get(tokens.manager, `/v1/pulses/${pulse.id}/results?departmentId=${facilities}`);
    expect(all.body).toMatchObject({ departments: [{ hidden: null, respondents: 5 }] });
    const priya = await get(tokens['Priya Natarajan'], `/v1/pulses/${pulse.id}/results`);
    expect((priya.body as { departments: { name: string }[] }).departments.map((d) => d.name)).toEqual(['Payroll']);
    expect(
      (await get(tokens['Priya Natarajan'], `/v1/pulses/${pulse.id}/results?departmentId=${facilities}`)).status,
    ).toBe(404);
    expect((await get(tokens['Sam Rivera'], `/v1/pulses/${pulse.id}/results`)).status).toBe(403);
    expect((await get(t.other.admin, `/v1/pulses/${pulse.id}/results`)).status).toBe(404);
  });

  it('validates what opens a pulse, names the field, and opens the next quarter exactly once', async () => {
    const bad = await send(
      tokens.manager,
      '/v1/pulses',
      { departmentIds: [], closesAt: '2200-01-01T00:00:00Z' },
      'bad-pulse-1',
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { fields: { departmentIds: expect.any(String), closesAt: expect.any(String) } },
    });
    const member = await send(
      tokens['Sam Rivera'],
      '/v1/pulses',
      { departmentIds: [payroll], closesAt: new Date(clock + 48 * hour).toISOString() },
      'member-pulse',
    );
    expect(member.status).toBe(403);
    const comment = await send(
      tokens['Sam Rivera'],
      '/v1/pulses/x/responses',
      { ...answer(payroll, 1, 1), comment: ' \u200b ' },
      'blank-comment',
    );
    expect(comment.status).toBe(400);
    const ratings = await send(tokens['Sam Rivera'], '/v1/pulses/x/responses', answer(payroll, 8, 0), 'bad-ratings');
    expect(await ratings.json()).toMatchObject({
      error: { fields: { 'ratings.communication.expectation': expect.any(String) } },
    });
    // Instants and days between 1970 and 2100, as elsewhere.
    for (const closesAt of ['0050-06-15T00:00:00Z', '1969-12-31T23:59:59Z', '2101-01-01T00:00:00Z', 'tomorrow']) {
      const res = await send(
        tokens.manager,
        '/v1/pulses',
        { departmentIds: [payroll], closesAt },
        `range-${closesAt.slice(0, 4)}-key`,
      );
      expect(await res.json(), closesAt).toMatchObject({ error: { fields: { closesAt: expect.any(String) } } });
    }
    const due = await send(
      tokens.admin,
      '/v1/pulses/x/departments/y/actions',
      { actions: [{ text: 'Change', ownerId: people['Tom Becker'].id, due: '0050-06-15' }] },
      undefined,
      'PUT',
    );
    expect(await due.json()).toMatchObject({ error: { fields: { 'actions.0.due': expect.any(String) } } });
    const quarterly = await open([payroll], { repeat: 'quarterly', audience: { kind: 'askedWithin', days: 90 } });
    const ledger = await t.ledgers.open('demo');
    clock = Date.parse(quarterly.opensAt) + 92 * 24 * hour;
    await Promise.all([ledger?.sweepPulses(), ledger?.sweepPulses()]);
    await ledger?.sweepPulses();
    const series = db.all<{ round: number; opens_at: string; audience: string }>(
      'SELECT round, opens_at, audience FROM pulses WHERE series_id = (SELECT series_id FROM pulses WHERE id = ?) ORDER BY round',
      quarterly.id,
    );
    expect(series.map((s) => s.round)).toEqual([1, 2]);
    expect(JSON.parse(series[1].audience)).toEqual({ kind: 'askedWithin', days: 90 });
    const opened = db.all<{ actor_id: string | null }>(
      "SELECT actor_id FROM events WHERE type = 'pulse.opened' AND subject_id IN (SELECT id FROM pulses WHERE round = 2)",
    );
    expect(opened).toEqual([{ actor_id: null }]);
  });
});
