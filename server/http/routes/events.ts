import { eventsQuerySchema } from '../../../shared/events.ts';
import type { AuthedEnv } from '../auth.ts';
import { Hono } from '../hono.ts';
import { validate } from '../validate.ts';

/** The organisation's event log after a sequence number: audit trail and export, admins only. */
export const eventRoutes = new Hono<AuthedEnv>().get('/', validate('query', eventsQuerySchema), async (c) =>
  c.json(await c.var.ledger.events(c.var.principal, c.req.valid('query'))),
);
