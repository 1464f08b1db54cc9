import { describe, expect, it } from 'vitest';
import type { Principal } from '../../server/core/context.ts';
import type { AsyncLedger, Ledgers } from '../../server/core/remote.ts';
import { seededDemo } from '../support/demo.ts';

/** The types of every event after `after`, as the admin's export shows them. */
async function eventTypes(ledger: AsyncLedger, admin: Principal, after: number) {
  return (await ledger.events(admin, { after, limit: 500 })).events.map((e) => e.type);
}
const lastSeq = async (ledger: AsyncLedger, admin: Principal) => (await ledger.sync(admin, 0)).seq;
const names = (list: { name: string }[]) => list.map((v) => v.name);

/**
 * Company values as the organisation's own, whatever runs the ledger: admins add, rename, order, retire
 * and restore them; one event per command; the table equals a replay of the log; a retired value stays on
 * old thank-yous and in reports but cannot be given.
 */
export function valuesContract(runtime: string, makeLedgers: () => Ledgers) {
  describe(`company values (${runtime})`, () => {
    it('lets an admin add, rename, reorder, retire and restore, one event each, and the panel sees the order', async () => {
      const { ledger: L, admin, member } = await seededDemo(makeLedgers());
      expect(names((await L.me(member)).values)).toEqual(['Customer first', 'Ownership', 'Teamwork', 'Craft']);
      const start = await lastSeq(L, admin);
      const added = (await L.createValue(admin, { name: 'Curiosity' }, 'value-add-1')).result;
      expect(added).toMatchObject({ name: 'Curiosity', retired: false });
      const [customer, ownership, teamwork, craft] = (await L.values(member, false)).values;
      await L.updateValue(admin, teamwork.id, { name: 'Team work' });
      await L.updateValue(admin, ownership.id, { retired: true });
      await L.reorderValues(admin, { ids: [added.id, craft.id, customer.id, teamwork.id] });
      expect(await eventTypes(L, admin, start)).toEqual([
        'value.added',
        'value.renamed',
        'value.retired',
        'values.reordered',
      ]);
      expect(names((await L.me(member)).values)).toEqual(['Curiosity', 'Craft', 'Customer first', 'Team work']);
      expect((await L.values(admin, true)).values.map((v) => `${v.name}${v.retired ? ' (retired)' : ''}`)).toEqual([
        'Curiosity',
        'Craft',
        'Customer first',
        'Team work',
        'Ownership (retired)',
      ]);
      // Asking for what already is records nothing.
      const before = await lastSeq(L, admin);
      await L.updateValue(admin, ownership.id, { retired: true });
      await L.updateValue(admin, teamwork.id, { name: 'Team work' });
      await L.reorderValues(admin, { ids: [added.id, craft.id, customer.id, teamwork.id] });
      expect(await lastSeq(L, admin)).toBe(before);
      // Restored, a value comes back at the end.
      expect(await L.updateValue(admin, ownership.id, { retired: false })).toMatchObject({ retired: false });
      expect(names((await L.me(member)).values).at(-1)).toBe('Ownership');
      expect(await eventTypes(L, admin, before)).toEqual(['value.restored']);
    });

    it('keeps names unique whatever their case or accents, at most 12 active, and refuses without recording', async () => {
      const { ledger: L, admin, member } = await seededDemo(makeLedgers());
      const [customer, ownership] = (await L.values(member, false)).values;
      await L.updateValue(admin, ownership.id, { retired: true });
      const start = await lastSeq(L, admin);
      for (const name of ['customer FIRST', 'Cústomer  first', 'ownership']) {
        await expect(L.createValue(admin, { name }, `dup-${name}`)).rejects.toMatchObject({
          code: 'conflict',
          fields: { name: expect.any(String) },
        });
      }
      await expect(L.updateValue(admin, customer.id, { name: 'TEAMWORK' })).rejects.toMatchObject({
        code: 'conflict',
        fields: { name: expect.any(String) },
      });
      // Its own name in another case is a rename, not a clash.
      expect(await L.updateValue(admin, customer.id, { name: 'Customer First' })).toMatchObject({
        name: 'Customer First',
      });
      for (let i = 0; i < 9; i++) await L.createValue(admin, { name: `Value ${i}` }, `fill-${i}`);
      expect((await L.values(member, false)).values).toHaveLength(12);
      await expect(L.createValue(admin, { name: 'Thirteenth' }, 'one-too-many')).rejects.toMatchObject({
        code: 'conflict',
        fields: { name: expect.stringContaining('12') },
      });
      await expect(L.updateValue(admin, ownership.id, { retired: false })).rejects.toMatchObject({
        code: 'conflict',
        fields: { retired: expect.stringContaining('12') },
      });
      const active = (await L.values(member, false)).values.map((v) => v.id);
      await expect(L.reorderValues(admin, { ids: active.slice(1) })).rejects.toMatchObject({
        code: 'validation_failed',
        fields: { ids: expect.any(String) },
      });
      await expect(L.reorderValues(admin, { ids: [...active.slice(1), ownership.id] })).rejects.toMatchObject({
        code: 'validation_failed',
        fields: { 'ids.11': expect.any(String) },
      });
      await expect(L.updateValue(admin, 'v-missing', { name: 'Nope' })).rejects.toMatchObject({ code: 'not_found' });
      // Only the rename and the nine additions were recorded.
      const types = await eventTypes(L, admin, start);
      expect(types.filter((t) => t !== 'value.added')).toEqual(['value.renamed']);
      expect(types).toHaveLength(10);
    });

    it('lets only admins change values, and only managers and admins see retired ones', async () => {
      const { ledger: L, admin, member, manager } = await seededDemo(makeLedgers());
      const [first] = (await L.values(member, false)).values;
      const start = await lastSeq(L, admin);
      for (const who of [member, manager]) {
        await expect(L.createValue(who, { name: 'Mine' }, 'mine-1')).rejects.toMatchObject({ code: 'forbidden' });
        await expect(L.updateValue(who, first.id, { retired: true })).rejects.toMatchObject({ code: 'forbidden' });
        await expect(L.reorderValues(who, { ids: [] })).rejects.toMatchObject({ code: 'forbidden' });
      }
      await expect(L.values(member, true)).rejects.toMatchObject({ code: 'forbidden' });
      expect((await L.values(manager, true)).values).toHaveLength(4);
      expect(await lastSeq(L, admin)).toBe(start);
    });

    it('keeps a retired value on old thank-yous and on the board, and refuses it on a new one', async () => {
      const demo = await seededDemo(makeLedgers());
      const { ledger: L, admin, member, manager } = demo;
      const priya = await demo.principalOf('Priya Natarajan');
      const [customer, ownership] = (await L.values(member, false)).values;
      const to = [{ kind: 'person' as const, id: priya.personId }];
      await L.createThank(member, { to, message: 'Sorted', values: [customer.id], visibility: 'public' }, 'old-1');
      await L.updateValue(admin, customer.id, { retired: true });
      await L.updateValue(admin, ownership.id, { name: 'Owning it' });
      await L.createThank(member, { to, message: 'Again', values: [ownership.id], visibility: 'public' }, 'new-1');
      // The recipient still sees the retired value's name, and the renamed one's new name.
      expect((await L.inbox(priya)).thanks.map((t) => t.values)).toEqual([['Owning it'], ['Customer first']]);
      const board = await L.leaderboard(manager, {
        period: 'all',
        kind: 'person',
        direction: 'received',
        limit: 20,
        valueId: customer.id,
      });
      expect(board.rows).toMatchObject([{ id: priya.personId, received: 1 }]);
      const start = await lastSeq(L, admin);
      for (const values of [[customer.id], ['v-unknown']]) {
        await expect(
          L.createThank(member, { to, message: 'Nope', values, visibility: 'public' }, `refused-${values[0]}`),
        ).rejects.toMatchObject({ code: 'validation_failed', fields: { values: expect.any(String) } });
      }
      expect(await lastSeq(L, admin)).toBe(start);
      // The event export still names it by id.
      const exported = (await L.events(admin, { after: 0, limit: 500 })).events;
      expect(exported.find((e) => e.type === 'thank.created')?.data.values).toEqual([customer.id]);
    });

    it('holds values that equal a replay of the event log, row for row', async () => {
      const { ledger: L, admin, member } = await seededDemo(makeLedgers());
      const added = (await L.createValue(admin, { name: 'Équipe' }, 'replay-1')).result;
      const [a, b, c] = (await L.values(member, false)).values;
      await L.updateValue(admin, b.id, { name: 'Owning it' });
      await L.updateValue(admin, c.id, { retired: true });
      await L.reorderValues(admin, {
        ids: (await L.values(member, false)).values.map((v) => v.id).reverse(),
      });
      await L.updateValue(admin, c.id, { retired: false });
      await L.updateValue(admin, a.id, { retired: true });
      const before = await L.valuesSnapshot();
      expect(before).toHaveLength(5);
      await L.rebuildValues();
      expect(await L.valuesSnapshot()).toEqual(before);
      expect(names((await L.me(member)).values)).toEqual([added.name, 'Craft', 'Owning it', 'Teamwork']);
    });
  });
}
