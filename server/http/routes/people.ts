import * as z from 'zod';
import {
  importRequestSchema,
  importRowSchema,
  invitationRequestSchema,
  newPersonSchema,
  peopleQuerySchema,
  updatePersonSchema,
} from '../../../shared/admin.ts';
import { parseCsv } from '../../../shared/csv.ts';
import type { AuthedEnv } from '../auth.ts';
import { newSignInCode } from '../credentials.ts';
import { ApiError } from '../errors.ts';
import { Hono } from '../hono.ts';
import { idempotencyHeaderSchema } from '../idempotency.ts';
import { validate } from '../validate.ts';
import { codeHash } from './session.ts';

const idParam = validate('param', z.object({ id: z.string().max(64) }));

/** Parses an HR export. Every bad cell is named as `line N.column`; a file with any is refused whole. */
function importRows(csv: string) {
  const { header, rows } = parseCsv(csv);
  for (const column of ['name', 'email']) {
    if (!header.includes(column))
      throw new ApiError('validation_failed', `The CSV needs a "${column}" column`, { csv: `No ${column} column` });
  }
  const fields: Record<string, string> = {};
  const parsed = rows.map(({ line, values }) => {
    const result = importRowSchema.safeParse({
      name: values.name,
      email: values.email,
      title: values.title ?? '',
      departments: (values.departments ?? values.department ?? '')
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean),
      role: values.role || undefined,
    });
    if (!result.success)
      for (const issue of result.error.issues) fields[`line ${line}.${issue.path.join('.')}`] ??= issue.message;
    return result.data;
  });
  if (Object.keys(fields).length)
    throw new ApiError('validation_failed', 'Some rows are not valid: nothing was imported', fields);
  return parsed.filter((r) => r !== undefined);
}

/** People, for admins: list, add, edit or deactivate, import from CSV, invite. */
export const peopleRoutes = new Hono<AuthedEnv>()
  .get('/', validate('query', peopleQuerySchema), async (c) => {
    const { q, includeInactive, limit } = c.req.valid('query');
    return c.json(await c.var.ledger.listPeople(c.var.principal, q, includeInactive === 'true', limit));
  })
  .post('/', validate('header', idempotencyHeaderSchema), validate('json', newPersonSchema), async (c) => {
    const key = c.req.valid('header')['idempotency-key'];
    const { result } = await c.var.ledger.createPerson(c.var.principal, c.req.valid('json'), key);
    return c.json(result, 201);
  })
  .post('/import', validate('json', importRequestSchema), async (c) => {
    if (c.var.principal.role !== 'admin') throw new ApiError('forbidden', 'Only admins import people');
    const { csv, ...options } = c.req.valid('json');
    const rows = importRows(csv);
    // A file of no one would deactivate everyone: surely the wrong file.
    if (options.deactivateMissing && !rows.length)
      throw new ApiError('validation_failed', 'The CSV has no people: nothing was imported or deactivated', {
        csv: 'No rows',
      });
    return c.json(await c.var.ledger.importPeople(c.var.principal, rows, options));
  })
  .patch('/:id', idParam, validate('json', updatePersonSchema), async (c) =>
    c.json(await c.var.ledger.updatePerson(c.var.principal, c.req.valid('param').id, c.req.valid('json'))),
  );

/** A one-time sign-in code for a person, and a page that shows it to them. */
export const invitationRoutes = new Hono<AuthedEnv>().post(
  '/',
  validate('json', invitationRequestSchema),
  async (c) => {
    const { personId, expiresInHours } = c.req.valid('json');
    const { orgId } = c.var.principal;
    const code = newSignInCode(orgId);
    const expiresAt = new Date(Date.now() + expiresInHours * 3_600_000).toISOString();
    await c.var.ledger.invite(c.var.principal, personId, await codeHash(orgId, code.split('.')[1]), expiresAt);
    const link = `${new URL(c.req.url).origin}/join#${encodeURIComponent(code)}`;
    return c.json({ code, link, expiresAt }, 201);
  },
);
