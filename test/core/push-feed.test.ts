import { describe, expect, it } from 'vitest';
import { createOrgLedger } from '../../server/core/ledger.ts';
import { pushesSince } from '../../server/core/push-feed.ts';
import { sqlitePort } from '../../server/node/sqlite-port.ts';

describe('the pushes a paused webhook makes', () => {
  it('tells every active admin, and no manager, member or deactivated admin', () => {
    const sql = sqlitePort(':memory:');
    const ledger = createOrgLedger(sql);
    ledger.init({ id: 'push', name: 'Push test' });
    const add = (name: string, role: 'member' | 'manager' | 'admin') =>
      ledger.addPerson({ name, email: `${name}@x.example`, title: '', role, departmentIds: [] }).id;
    const [ada, ben] = [add('ada', 'admin'), add('ben', 'admin')];
    add('mia', 'manager');
    add('sam', 'member');
    const gone = add('old', 'admin');
    sql.run('UPDATE people SET active = 0 WHERE id = ?', gone);
    const before = pushesSince(sql, 0).at(-1)?.seq ?? 0;
    // As the delivery round records it: no actor, the webhook as its subject.
    sql.run(
      `INSERT INTO events (type, actor_id, subject_id, data, at) VALUES ('webhook.paused', NULL, 'wh_1', '{}', ?)`,
      new Date().toISOString(),
    );
    const [push] = pushesSince(sql, before);
    expect(push.audience.people.sort()).toEqual([ada, ben].sort());
    expect(push.audience).toMatchObject({ departments: [], everyone: false });
  });
});
