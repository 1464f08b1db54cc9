import * as z from 'zod';
import { updateMeSchema } from '../../../shared/session.ts';
import type { AuthedEnv } from '../auth.ts';
import { Hono } from '../hono.ts';
import { validate } from '../validate.ts';

export const meRoutes = new Hono<AuthedEnv>()
  .get('/', async (c) => c.json(await c.var.ledger.me(c.var.principal)))
  /** My preferences (leave me off recognition boards). */
  .patch('/', validate('json', updateMeSchema), async (c) =>
    c.json(await c.var.ledger.updateMe(c.var.principal, c.req.valid('json'))),
  )
  /** Signs this browser out: the token stops working at once. */
  .delete('/session', async (c) => {
    await c.var.ledger.revokeToken(c.var.principal, c.var.tokenHash);
    return c.body(null, 204);
  })
  /** Where I am signed in. */
  .get('/tokens', async (c) => c.json(await c.var.ledger.tokens(c.var.principal, c.var.tokenHash)))
  .delete('/tokens/:id', validate('param', z.object({ id: z.string().max(64) })), async (c) => {
    await c.var.ledger.revokeTokenById(c.var.principal, c.req.valid('param').id);
    return c.body(null, 204);
  })
  /** Sign out everywhere, this browser included. */
  .post('/sign-out-everywhere', async (c) => c.json(await c.var.ledger.revokeAllTokens(c.var.principal)));
