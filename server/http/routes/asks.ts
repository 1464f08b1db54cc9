import { Hono } from 'hono';
import * as z from 'zod';
import { createAskSchema } from '../../../shared/asks.ts';
import type { AuthedEnv } from '../auth.ts';
import { idempotencyHeaderSchema } from '../idempotency.ts';
import { validate } from '../validate.ts';

export const askRoutes = new Hono<AuthedEnv>()
  .post('/', validate('header', idempotencyHeaderSchema), validate('json', createAskSchema), async (c) => {
    const key = c.req.valid('header')['idempotency-key'];
    const { result, replayed } = await c.var.ledger.createAsk(c.var.principal, c.req.valid('json'), key);
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(result, 201);
  })
  .get('/:id', validate('param', z.object({ id: z.string().max(64) })), async (c) =>
    c.json(await c.var.ledger.getAsk(c.var.principal, c.req.valid('param').id)),
  );
