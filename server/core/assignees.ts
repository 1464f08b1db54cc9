import type { Assignee, AssigneesQuery } from '../../shared/asks.ts';
import { actionsFor } from './ask-actions.ts';
import { readableAsk } from './asks.ts';
import type { LedgerContext, Principal } from './context.ts';
import { LedgerError } from './errors.ts';

/**
 * Who an ask may be assigned to, searched as the assignee picker types: the addressed department's
 * active members whose name holds every typed word, in any order, by name. A department of a big
 * company has over a thousand members, so they are searched here and never listed whole.
 *
 * Case-insensitive through `name_key` (the name lowercased by JavaScript, so É and é match); not
 * accent-insensitive: SQLite folds no accents, the Durable Object takes no user functions, and a folded
 * key would need every stored name rewritten. The query is at most 80 characters, so at most 40 words:
 * with the department and the limit, well under the Durable Object's 100 bound values.
 */
export function searchAssignees(ctx: LedgerContext, who: Principal, id: string, query: AssigneesQuery): Assignee[] {
  const row = readableAsk(ctx, who, id);
  if (!actionsFor(ctx, row, who).canAssign)
    throw new LedgerError('forbidden', 'Only its department assigns an open ask');
  const words = [...new Set(query.q.toLowerCase().split(/\s+/).filter(Boolean))];
  const patterns = words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = ctx.sql.all<{ id: string; name: string; title: string }>(
    `SELECT p.id, p.name, p.title FROM memberships m JOIN people p ON p.id = m.person_id
     WHERE m.department_id = ? AND p.active = 1 ${patterns.map(() => "AND p.name_key LIKE ? ESCAPE '\\'").join(' ')}
     ORDER BY p.name LIMIT ?`,
    row.to_id,
    ...patterns,
    query.limit,
  );
  return rows.map((p) => (p.title ? { id: p.id, name: p.name, title: p.title } : { id: p.id, name: p.name }));
}
