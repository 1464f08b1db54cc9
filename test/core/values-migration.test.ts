import { expect, it } from 'vitest';
import { createOrgLedger } from '../../server/core/ledger.ts';
import { sqlitePort } from '../../server/node/sqlite-port.ts';
import { undoValues } from '../support/before-values.ts';

/*
 * A ledger from before migration 16 (values with no order, no retirement and no events; thank-yous with
 * their values' names only) opens with its values ordered by name, each with its value.added event, so a
 * replay finds them, and its thank-yous tied to their values by id.
 */
it('gives an older ledger its values in name order, their events, and thank-yous that follow a rename', () => {
  const port = sqlitePort(':memory:');
  const ledger = createOrgLedger(port);
  ledger.init({ id: 'older', name: 'Older' });
  const [craft, kindness] = ['Craft', 'Kindness'].map((v) => ledger.addValue(v).id);
  const person = (name: string, role: 'member' | 'admin') => ({
    orgId: 'older',
    role,
    personId: ledger.addPerson({ name, email: `${name}@x.example`, title: '', role, departmentIds: [] }).id,
  });
  const [ana, ben, admin] = [person('ana', 'member'), person('ben', 'member'), person('ada', 'admin')];
  const to = [{ kind: 'person' as const, id: ben.personId }];
  ledger.createThank(ana, { to, message: 'Thanks', values: [kindness, craft], visibility: 'public' }, 'k-old');
  // Back to version 15: no order, no retirement, no value events, names only on thank-yous.
  undoValues(port);
  port.run('DELETE FROM schema_migrations WHERE version >= 16');
  port.run("UPDATE company_values SET name = 'Aardvark' WHERE id = ?", kindness);
  port.run(`UPDATE thanks SET "values" = '["Aardvark","Craft"]'`);

  const reopened = createOrgLedger(port);
  expect(reopened.values(ana, false).values.map((v) => v.name)).toEqual(['Aardvark', 'Craft']);
  const events = reopened.events(admin, { after: 0, limit: 100 }).events.filter((e) => e.type === 'value.added');
  expect(events.map((e) => e.data)).toEqual([
    { name: 'Aardvark', position: 0 },
    { name: 'Craft', position: 1 },
  ]);
  const before = reopened.valuesSnapshot();
  reopened.rebuildValues();
  expect(reopened.valuesSnapshot()).toEqual(before);
  reopened.updateValue(admin, kindness, { name: 'Kindness' });
  expect(reopened.inbox(ben).thanks[0].values).toEqual(['Kindness', 'Craft']);
});
