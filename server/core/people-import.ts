import { type ImportOptions, type ImportResult, type ImportRow, importNamesShown } from '../../shared/admin.ts';
import type { LedgerContext, Principal } from './context.ts';
import { appendEvent } from './events.ts';
import { countWrite } from './limits.ts';
import { insertDepartment, insertPerson, requireAdmin, setMemberships } from './org-admin.ts';

/** Thrown to roll a dry run's transaction back with what it would have done. */
class DryRun {
  constructor(readonly result: ImportResult) {}
}

/**
 * Imports people from an HR export: departments created when missing, people matched by email and
 * updated, or created; with `deactivateMissing`, the active people the file leaves out are deactivated
 * and their tokens revoked (never the admin importing). All rows or none, in one transaction. A dry run
 * does all of it and rolls back: its answer is exactly what the import would do.
 */
export function importPeople(
  ctx: LedgerContext,
  who: Principal,
  rows: ImportRow[],
  options: ImportOptions,
): ImportResult {
  requireAdmin(who, 'import people');
  try {
    return ctx.sql.transaction(() => {
      const result = importRows(ctx, who, rows, options.deactivateMissing);
      if (options.dryRun) throw new DryRun(result);
      return result;
    });
  } catch (e) {
    if (e instanceof DryRun) return e.result;
    throw e;
  }
}

function importRows(ctx: LedgerContext, who: Principal, rows: ImportRow[], deactivate: boolean): ImportResult {
  countWrite(ctx, who);
  const result: ImportResult = { created: 0, updated: 0, departmentsCreated: 0, deactivated: 0, deactivatedPeople: [] };
  const departmentId = (name: string) => {
    const found = ctx.sql.one<{ id: string }>('SELECT id FROM departments WHERE name_key = ?', name.toLowerCase());
    if (found) return found.id;
    result.departmentsCreated++;
    return insertDepartment(ctx, who.personId, {
      name,
      offers: [],
      standard: { firstResponseHours: 8, resolutionHours: 40 },
    }).id;
  };
  for (const row of rows) {
    const departmentIds = row.departments.map(departmentId);
    const existing = ctx.sql.one<{ id: string }>('SELECT id FROM people WHERE email = ?', row.email.toLowerCase());
    if (existing) {
      ctx.sql.run(
        'UPDATE people SET name = ?, name_key = ?, title = ? WHERE id = ?',
        row.name,
        row.name.toLowerCase(),
        row.title,
        existing.id,
      );
      setMemberships(ctx, existing.id, departmentIds);
      result.updated++;
    } else {
      insertPerson(ctx, who.personId, { ...row, departmentIds });
      result.created++;
    }
  }
  const deactivatedIds = deactivate ? deactivateMissing(ctx, who, rows, result) : [];
  // The audit trail keeps every id; the answer names only the first few.
  const { deactivatedPeople: _named, ...counts } = result;
  appendEvent(ctx, 'people.imported', who.personId, null, { ...counts, deactivatedIds }, ctx.now().toISOString());
  return result;
}

/**
 * Deactivates the active people whose email is not among the rows', except the importer, revoking their
 * tokens as deactivating one person does. The emails go as one JSON array (the 100-value limit).
 */
function deactivateMissing(ctx: LedgerContext, who: Principal, rows: ImportRow[], result: ImportResult): string[] {
  const missing = `active = 1 AND id != ? AND email NOT IN (SELECT value FROM json_each(?))`;
  const emails = JSON.stringify(rows.map((r) => r.email.toLowerCase()));
  const people = ctx.sql.all<{ id: string; name: string; email: string }>(
    `SELECT id, name, email FROM people WHERE ${missing} ORDER BY name_key, id`,
    who.personId,
    emails,
  );
  ctx.sql.run(
    `UPDATE tokens SET revoked_at = ? WHERE revoked_at IS NULL AND person_id IN (SELECT id FROM people WHERE ${missing})`,
    ctx.now().toISOString(),
    who.personId,
    emails,
  );
  ctx.sql.run(`UPDATE people SET active = 0 WHERE ${missing}`, who.personId, emails);
  result.deactivated = people.length;
  result.deactivatedPeople = people.slice(0, importNamesShown);
  return people.map((p) => p.id);
}
