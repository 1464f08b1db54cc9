import { describe, expect, it } from 'vitest';
import { StorageError } from '../../server/core/errors.ts';
import { type NodeSqlPort, sqlitePort } from '../../server/node/sqlite-port.ts';
import { bearer, post, testApp } from '../support/node-app.ts';

/**
 * The real SQLite port with a fault injector: armed with n, the n-th statement from then on throws a
 * StorageError instead of running, as a full disk or an I/O error would.
 */
function faultyPorts() {
  const ports: NodeSqlPort[] = [];
  let countdown = 0;
  let statements = 0;
  const fail = <T>(fn: () => T): T => {
    statements++;
    if (countdown > 0 && --countdown === 0) throw new StorageError('[test] injected I/O error');
    return fn();
  };
  const open = (filename: string): NodeSqlPort => {
    const real = sqlitePort(filename);
    const port: NodeSqlPort = {
      ...real,
      exec: (sql) => fail(() => real.exec(sql)),
      all: (sql, ...p) => fail(() => real.all(sql, ...p)),
      one: (sql, ...p) => fail(() => real.one(sql, ...p)),
      run: (sql, ...p) => fail(() => real.run(sql, ...p)),
    };
    ports.push(port);
    return port;
  };
  return {
    open,
    arm: (n: number) => {
      countdown = n;
    },
    statements: () => statements,
    /** Every row of every table of the demo organisation's ledger, read past the injector. */
    snapshot: () => {
      const real = ports[0];
      const tables = real.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
      return Object.fromEntries(tables.map((t) => [t.name, real.all(`SELECT * FROM "${t.name}"`)]));
    },
  };
}

describe('storage faults in the middle of a command', () => {
  it('answers 503 with nothing written, whichever statement of a thank-you or a rate-and-thank fails', async () => {
    const faults = faultyPorts();
    const t = await testApp(faults.open);
    const priya = await t.tokenFor('Priya Natarajan');
    const payroll = (await t.find(t.demo.member, 'Payroll')).id;
    const priyaId = (await t.find(t.demo.member, 'Priya Natarajan')).id;
    let n = 0;
    const thank = () =>
      t.request(
        '/v1/thanks',
        post(
          { to: [{ kind: 'person', id: priyaId }], message: 'Thanks!' },
          { ...bearer(t.demo.member), 'idempotency-key': `fault-key-${n++}` },
        ),
      );
    // Resolved asks for Sam to rate, thanking Priya in the same step: one to count, one to break.
    const resolvedAsk = async () => {
      const ask = await t.request(
        '/v1/asks',
        post(
          { to: { kind: 'department', id: payroll }, subject: 'Overtime' },
          { ...bearer(t.demo.member), 'idempotency-key': `fault-ask-${n++}` },
        ),
      );
      const { id } = (await ask.json()) as { id: string };
      await t.request(`/v1/asks/${id}/status`, post({ status: 'resolved' }, bearer(priya)));
      return id;
    };
    const [counted, broken] = [await resolvedAsk(), await resolvedAsk()];
    const rate = (id: string) => () =>
      t.request(
        `/v1/asks/${id}/rating`,
        post(
          { overall: 5, quality: 4, thanks: { message: 'Fixed!' } },
          { ...bearer(t.demo.member), 'idempotency-key': `fault-rate-${n++}` },
        ),
      );

    for (const [name, probe, command] of [
      ['thank', thank, thank],
      ['rate and thank', rate(counted), rate(broken)],
    ] as const) {
      // How many statements the command runs, authentication included.
      const start = faults.statements();
      expect((await probe()).status).toBe(201);
      const length = faults.statements() - start;
      expect(length, name).toBeGreaterThan(5);
      const baseline = faults.snapshot();
      // Fail the 1st statement, then the 2nd, … until the fault falls past the command's last one.
      for (let k = 1; ; k++) {
        faults.arm(k);
        const res = await command();
        faults.arm(0);
        if (res.status === 201) {
          // Past its end (a warm cache may spare a statement or two): every statement before failed cleanly.
          expect(k, name).toBeGreaterThan(length - 3);
          break;
        }
        expect(res.status, `${name}: fault at statement ${k} of ${length}`).toBe(503);
        expect(res.headers.get('retry-after')).toBe('1');
        expect(await res.json()).toMatchObject({ error: { code: 'unavailable' } });
        expect(faults.snapshot(), `${name}: fault at statement ${k}`).toEqual(baseline);
      }
    }
    // And nothing was broken for good.
    expect((await thank()).status).toBe(201);
  });
});
