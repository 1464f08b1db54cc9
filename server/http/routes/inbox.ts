import { Hono } from 'hono';
import type { AuthedEnv } from '../auth.ts';

export const inboxRoutes = new Hono<AuthedEnv>().get('/', async (c) =>
  c.json(await c.var.ledger.inbox(c.var.principal)),
);
