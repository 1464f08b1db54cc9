import { notificationPrefsSchema, notificationsQuerySchema } from '../../../shared/notifications.ts';
import type { AuthedEnv } from '../auth.ts';
import { Hono } from '../hono.ts';
import { validate } from '../validate.ts';

/** What I should be told since `?after=SEQ` (the extension's browser notifications): only ever my own. */
export const notificationRoutes = new Hono<AuthedEnv>().get(
  '/',
  validate('query', notificationsQuerySchema),
  async (c) => c.json(await c.var.ledger.notifications(c.var.principal, c.req.valid('query').after)),
);

/** My notification preferences: what I am told, and when I am not disturbed. Only my own. */
export const notificationPrefsRoutes = new Hono<AuthedEnv>()
  .get('/', async (c) => c.json(await c.var.ledger.notificationPrefs(c.var.principal)))
  .put('/', validate('json', notificationPrefsSchema), async (c) =>
    c.json(await c.var.ledger.setNotificationPrefs(c.var.principal, c.req.valid('json'))),
  );
