import { insightsQuerySchema, trendsQuerySchema } from '../../../shared/leaderboard.ts';
import type { AuthedEnv } from '../auth.ts';
import { Hono } from '../hono.ts';
import { validate } from '../validate.ts';

const query = validate('query', insightsQuerySchema);

/** Service insights, the hand-off map, unsung helpers and trends: managers and admins only (the ledger refuses others). */
export const insightsRoutes = new Hono<AuthedEnv>()
  .get('/service', query, async (c) => c.json(await c.var.ledger.service(c.var.principal, c.req.valid('query'))))
  .get('/handoffs', query, async (c) => c.json(await c.var.ledger.handoffs(c.var.principal, c.req.valid('query'))))
  .get('/unsung', query, async (c) => c.json(await c.var.ledger.unsung(c.var.principal, c.req.valid('query'))))
  .get('/trends', validate('query', trendsQuerySchema), async (c) =>
    c.json(await c.var.ledger.trends(c.var.principal, c.req.valid('query'))),
  );
