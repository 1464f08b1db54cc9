import { Hono } from 'hono';
import type { AuthedEnv } from '../auth.ts';

export const meRoutes = new Hono<AuthedEnv>()
  .get('/', async (c) => c.json(await c.var.ledger.me(c.var.principal)))
  /** Signs this browser out: the token stops working at once. */
  .delete('/session', async (c) => {
    await c.var.ledger.revokeToken(c.var.principal, c.var.tokenHash);
    return c.body(null, 204);
  });
