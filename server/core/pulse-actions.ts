import type { PulseActionItem, PulseActions } from '../../shared/pulses.ts';
import type { LedgerContext, Principal } from './context.ts';
import { LedgerError } from './errors.ts';
import { appendEvent } from './events.ts';
import { countWrite } from './limits.ts';
import { actionsOf, isClosed, mayRecordActions, pulseRow } from './pulse-rows.ts';
import { jsonList } from './sql.ts';

/*
 * "You said, we did": after a pulse closes, the department's manager (or an admin) records up to three changes,
 * each with an owner and a date. The whole list is set at once; setting the same list records nothing.
 */

export function setPulseActions(
  ctx: LedgerContext,
  who: Principal,
  pulseId: string,
  departmentId: string,
  input: PulseActions,
): { actions: PulseActionItem[] } {
  return ctx.sql.transaction(() => {
    const p = pulseRow(ctx, pulseId);
    if (
      !ctx.sql.one('SELECT 1 AS x FROM pulse_departments WHERE pulse_id = ? AND department_id = ?', p.id, departmentId)
    ) {
      throw new LedgerError('not_found', 'This pulse does not ask about that department');
    }
    if (!mayRecordActions(ctx, who, departmentId))
      throw new LedgerError('forbidden', 'The department’s manager or an admin records its changes');
    if (!isClosed(ctx, p)) throw new LedgerError('conflict', 'Record changes once the pulse has closed');
    countWrite(ctx, who);
    const owners = new Set(
      ctx.sql
        .all<{ id: string }>(
          'SELECT id FROM people WHERE active = 1 AND id IN (SELECT value FROM json_each(?))',
          jsonList(input.actions.map((a) => a.ownerId)),
        )
        .map((r) => r.id),
    );
    input.actions.forEach((a, i) => {
      if (!owners.has(a.ownerId)) {
        throw new LedgerError('validation_failed', 'Each change needs an active owner', {
          [`actions.${i}.ownerId`]: 'No such active person',
        });
      }
    });
    const current = actionsOf(ctx, p.id, departmentId).map((a) => ({ text: a.text, ownerId: a.owner.id, due: a.due }));
    if (
      JSON.stringify(current) !==
      JSON.stringify(input.actions.map((a) => ({ text: a.text, ownerId: a.ownerId, due: a.due })))
    ) {
      ctx.sql.run('DELETE FROM pulse_actions WHERE pulse_id = ? AND department_id = ?', p.id, departmentId);
      input.actions.forEach((a, i) => {
        ctx.sql.run(
          'INSERT INTO pulse_actions (pulse_id, department_id, position, body, owner_id, due) VALUES (?, ?, ?, ?, ?, ?)',
          p.id,
          departmentId,
          i,
          a.text,
          a.ownerId,
          a.due,
        );
      });
      appendEvent(
        ctx,
        'pulse.actions_set',
        who.personId,
        p.id,
        { departmentId, actions: input.actions },
        ctx.now().toISOString(),
      );
    }
    return { actions: actionsOf(ctx, p.id, departmentId) };
  });
}
