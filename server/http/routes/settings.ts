import { updateSettingsSchema } from '../../../shared/settings.ts';
import type { AuthedEnv } from '../auth.ts';
import { Hono } from '../hono.ts';
import { validate } from '../validate.ts';

/** The organisation's limits: everyone reads them (the panel explains refusals), admins change them. */
export const settingsRoutes = new Hono<AuthedEnv>()
  .get('/', async (c) => c.json(await c.var.ledger.settings(c.var.principal)))
  .patch('/', validate('json', updateSettingsSchema), async (c) =>
    c.json(await c.var.ledger.updateSettings(c.var.principal, c.req.valid('json'))),
  );
