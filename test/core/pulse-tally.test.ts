import { expect, it } from 'vitest';
import { createOrgLedger } from '../../server/core/ledger.ts';
import { sqlitePort } from '../../server/node/sqlite-port.ts';
import { answer } from '../contract/pulses-contract.ts';

/*
 * A ledger from before migration 22 (pulses answered, no counts kept) opens with each department's counts made
 * from its answers, so its results are what they were; answers after that add to them.
 */
it('gives an older ledger the counts of the answers it holds, and results that did not change', () => {
  const port = sqlitePort(':memory:');
  const ledger = createOrgLedger(port);
  ledger.init({ id: 'older', name: 'Older' });
  const person = (name: string, role: 'member' | 'admin') => ({
    orgId: 'older',
    role,
    personId: ledger.addPerson({ name, email: `${name}@x.example`, title: '', role, departmentIds: [] }).id,
  });
  const admin = person('ada', 'admin');
  const payroll = ledger.createDepartment(
    admin,
    { name: 'Payroll', offers: [], standard: { firstResponseHours: 4, resolutionHours: 24 } },
    'd',
  ).result.id;
  const people = ['ana', 'ben', 'cy', 'dee', 'eve', 'fay', 'gus'].map((n) => person(n, 'member'));
  const closesAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const pulse = ledger.openPulse(
    admin,
    { departmentIds: [payroll], audience: { kind: 'everyone' }, closesAt, repeat: 'none' },
    'p',
  ).result;
  for (const [i, who] of people.slice(0, 6).entries()) {
    ledger.respondToPulse(who, pulse.id, answer(payroll, 7 - (i % 2), 2 + i), `a-${i}`);
  }
  // Back to version 21: the answers, no counts (nor 23's index).
  port.exec('ALTER TABLE pulse_departments DROP COLUMN tally');
  port.exec('DROP INDEX v_recognition_quarter_days_total');
  port.run('DELETE FROM schema_migrations WHERE version >= 22');

  const reopened = createOrgLedger(port);
  reopened.respondToPulse(people[6], pulse.id, answer(payroll, 5, 7), 'a-6');
  reopened.closePulse(admin, pulse.id);
  const [shown] = reopened.pulseResults(admin, pulse.id, {}).departments;
  // Seven answers: expectation 7,6,7,6,7,6,5; perception 2…7 and 7 (productivity one more, at most 7).
  expect(shown.respondents).toBe(7);
  expect(shown.dimensions[0]).toEqual({
    dimension: 'communication',
    expectation: 6.29,
    perception: 4.86,
    gap: -1.43,
    expectationSpread: 0.7,
    perceptionSpread: 1.81,
    expectationCounts: [0, 0, 0, 0, 1, 3, 3],
    perceptionCounts: [0, 1, 1, 1, 1, 1, 2],
  });
  expect(shown.dimensions[1].perceptionCounts).toEqual([0, 0, 1, 1, 1, 1, 3]);
});
