import * as z from 'zod';
import { newValueSchema, updateValueSchema, valueOrderSchema, valuesQuerySchema } from '../../../shared/values.ts';
import type { AuthedEnv } from '../auth.ts';
import { Hono } from '../hono.ts';
import { idempotencyHeaderSchema } from '../idempotency.ts';
import { validate } from '../validate.ts';

/**
 * The organisation's company values: everyone reads the active ones in order; managers and admins the
 * retired ones too (`?all=1`); admins add, rename, retire, restore and reorder them.
 */
export const valueRoutes = new Hono<AuthedEnv>()
  .get('/', validate('query', valuesQuerySchema), async (c) =>
    c.json(await c.var.ledger.values(c.var.principal, c.req.valid('query').all === '1')),
  )
  .post('/', validate('header', idempotencyHeaderSchema), validate('json', newValueSchema), async (c) => {
    const key = c.req.valid('header')['idempotency-key'];
    const { result } = await c.var.ledger.createValue(c.var.principal, c.req.valid('json'), key);
    return c.json(result, 201);
  })
  .put('/order', validate('json', valueOrderSchema), async (c) =>
    c.json(await c.var.ledger.reorderValues(c.var.principal, c.req.valid('json'))),
  )
  .patch(
    '/:id',
    validate('param', z.object({ id: z.string().max(64) })),
    validate('json', updateValueSchema),
    async (c) => c.json(await c.var.ledger.updateValue(c.var.principal, c.req.valid('param').id, c.req.valid('json'))),
  );
