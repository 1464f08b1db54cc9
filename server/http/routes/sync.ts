import { syncQuerySchema } from '../../../shared/inbox.ts';
import type { AuthedEnv } from '../auth.ts';
import { Hono } from '../hono.ts';
import { validate } from '../validate.ts';

/** The extension's poll: `?after=SEQ` answers with just the cursor when nothing changed. */
export const syncRoutes = new Hono<AuthedEnv>().get('/', validate('query', syncQuerySchema), async (c) =>
  c.json(await c.var.ledger.sync(c.var.principal, c.req.valid('query').after)),
);
