import type { AuthedEnv } from '../auth.ts';
import { Hono } from '../hono.ts';

export const inboxRoutes = new Hono<AuthedEnv>().get('/', async (c) =>
  c.json(await c.var.ledger.inbox(c.var.principal)),
);
