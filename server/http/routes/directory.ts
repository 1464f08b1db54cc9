import { directoryQuerySchema } from '../../../shared/people.ts';
import type { AuthedEnv } from '../auth.ts';
import { Hono } from '../hono.ts';
import { validate } from '../validate.ts';

export const directoryRoutes = new Hono<AuthedEnv>().get('/', validate('query', directoryQuerySchema), async (c) =>
  c.json(await c.var.ledger.directory(c.var.principal, c.req.valid('query'))),
);
