import { createThankSchema } from '../../../shared/thanks.ts';
import type { AuthedEnv } from '../auth.ts';
import { Hono } from '../hono.ts';
import { idempotencyHeaderSchema } from '../idempotency.ts';
import { validate } from '../validate.ts';

export const thankRoutes = new Hono<AuthedEnv>().post(
  '/',
  validate('header', idempotencyHeaderSchema),
  validate('json', createThankSchema),
  async (c) => {
    const key = c.req.valid('header')['idempotency-key'];
    const { result, replayed } = await c.var.ledger.createThank(c.var.principal, c.req.valid('json'), key);
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(result, 201);
  },
);
