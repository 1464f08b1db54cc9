import * as z from 'zod';
import {
  deliveriesQuerySchema,
  myDigestSchema,
  newWebhookSchema,
  updateWebhookSchema,
} from '../../../shared/webhooks.ts';
import type { AuthedEnv } from '../auth.ts';
import { Hono } from '../hono.ts';
import { idempotencyHeaderSchema } from '../idempotency.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().max(64) });

/**
 * Outbound webhooks, for admins: add (the secret is in this answer only), change, pause or resume, remove,
 * see recent deliveries, resend one, send a test.
 */
export const webhookRoutes = new Hono<AuthedEnv>()
  .get('/', async (c) => c.json(await c.var.ledger.webhooks(c.var.principal)))
  .post('/', validate('header', idempotencyHeaderSchema), validate('json', newWebhookSchema), async (c) => {
    const key = c.req.valid('header')['idempotency-key'];
    const { result } = await c.var.ledger.createWebhook(c.var.principal, c.req.valid('json'), key);
    return c.json(result, 201);
  })
  .patch('/:id', validate('param', idParam), validate('json', updateWebhookSchema), async (c) =>
    c.json(await c.var.ledger.updateWebhook(c.var.principal, c.req.valid('param').id, c.req.valid('json'))),
  )
  .delete('/:id', validate('param', idParam), async (c) => {
    await c.var.ledger.deleteWebhook(c.var.principal, c.req.valid('param').id);
    return c.body(null, 204);
  })
  .get('/:id/deliveries', validate('param', idParam), validate('query', deliveriesQuerySchema), async (c) =>
    c.json(await c.var.ledger.deliveries(c.var.principal, c.req.valid('param').id, c.req.valid('query').limit)),
  )
  .post(
    '/:id/deliveries/:deliveryId/resend',
    validate('param', z.object({ id: z.string().max(64), deliveryId: z.string().max(64) })),
    async (c) => {
      const { id, deliveryId } = c.req.valid('param');
      return c.json(await c.var.ledger.resendDelivery(c.var.principal, id, deliveryId), 202);
    },
  )
  .post('/:id/test', validate('param', idParam), async (c) =>
    c.json(await c.var.ledger.testWebhook(c.var.principal, c.req.valid('param').id), 202),
  );

/** A manager's weekly digest: which of the organisation's digest webhooks it goes to. */
export const myDigestRoutes = new Hono<AuthedEnv>()
  .get('/', async (c) => c.json(await c.var.ledger.myDigest(c.var.principal)))
  .put('/', validate('json', myDigestSchema), async (c) =>
    c.json(await c.var.ledger.chooseDigest(c.var.principal, c.req.valid('json'))),
  );
