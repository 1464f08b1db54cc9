import type { AuthedEnv } from '../auth.ts';
import { Hono } from '../hono.ts';

/** My departments' open asks, with what is due and overdue against their standard. */
export const queueRoutes = new Hono<AuthedEnv>().get('/', async (c) =>
  c.json(await c.var.ledger.queue(c.var.principal)),
);
