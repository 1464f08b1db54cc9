import { leaderboardQuerySchema } from '../../../shared/leaderboard.ts';
import type { AuthedEnv } from '../auth.ts';
import { Hono } from '../hono.ts';
import { validate } from '../validate.ts';

/** Managers and admins only: the ledger refuses everyone else. */
export const leaderboardRoutes = new Hono<AuthedEnv>().get('/', validate('query', leaderboardQuerySchema), async (c) =>
  c.json(await c.var.ledger.leaderboard(c.var.principal, c.req.valid('query'))),
);
