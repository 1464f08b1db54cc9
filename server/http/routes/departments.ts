import * as z from 'zod';
import { newDepartmentSchema } from '../../../shared/admin.ts';
import { updateDepartmentSchema } from '../../../shared/people.ts';
import type { AuthedEnv } from '../auth.ts';
import { Hono } from '../hono.ts';
import { idempotencyHeaderSchema } from '../idempotency.ts';
import { validate } from '../validate.ts';

/** Departments with their catalogue, service standard and business hours; admins change them. */
export const departmentRoutes = new Hono<AuthedEnv>()
  .get('/', async (c) => c.json(await c.var.ledger.departments(c.var.principal)))
  .post('/', validate('header', idempotencyHeaderSchema), validate('json', newDepartmentSchema), async (c) => {
    const key = c.req.valid('header')['idempotency-key'];
    const { result } = await c.var.ledger.createDepartment(c.var.principal, c.req.valid('json'), key);
    return c.json(result, 201);
  })
  .patch(
    '/:id',
    validate('param', z.object({ id: z.string().max(64) })),
    validate('json', updateDepartmentSchema),
    async (c) =>
      c.json(await c.var.ledger.updateDepartment(c.var.principal, c.req.valid('param').id, c.req.valid('json'))),
  );
