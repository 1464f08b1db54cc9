import {
  openPulseSchema,
  pulseActionsSchema,
  pulseDepartmentParamSchema,
  pulseParamSchema,
  pulseResponseSchema,
  pulseResultsQuerySchema,
  pulseSkipSchema,
  updatePulseSchema,
} from '../../../shared/pulses.ts';
import type { AuthedEnv } from '../auth.ts';
import { Hono } from '../hono.ts';
import { idempotencyHeaderSchema } from '../idempotency.ts';
import { validate } from '../validate.ts';

/**
 * Department pulses: managers and admins open, stop and close them; the people asked answer or skip their
 * cards anonymously (`/mine` is the panel's); a department's members and managers read results once closed;
 * the department's manager or an admin records its changes ("you said, we did").
 */
export const pulseRoutes = new Hono<AuthedEnv>()
  .get('/', async (c) => c.json(await c.var.ledger.pulses(c.var.principal)))
  .post('/', validate('header', idempotencyHeaderSchema), validate('json', openPulseSchema), async (c) => {
    const key = c.req.valid('header')['idempotency-key'];
    const { result } = await c.var.ledger.openPulse(c.var.principal, c.req.valid('json'), key);
    return c.json(result, 201);
  })
  .get('/mine', async (c) => c.json(await c.var.ledger.myPulses(c.var.principal)))
  .patch('/:id', validate('param', pulseParamSchema), validate('json', updatePulseSchema), async (c) =>
    c.json(await c.var.ledger.updatePulse(c.var.principal, c.req.valid('param').id, c.req.valid('json'))),
  )
  .post('/:id/close', validate('param', pulseParamSchema), async (c) =>
    c.json(await c.var.ledger.closePulse(c.var.principal, c.req.valid('param').id)),
  )
  .post(
    '/:id/responses',
    validate('param', pulseParamSchema),
    validate('header', idempotencyHeaderSchema),
    validate('json', pulseResponseSchema),
    async (c) => {
      const key = c.req.valid('header')['idempotency-key'];
      const id = c.req.valid('param').id;
      return c.json(await c.var.ledger.respondToPulse(c.var.principal, id, c.req.valid('json'), key), 201);
    },
  )
  .post('/:id/skip', validate('param', pulseParamSchema), validate('json', pulseSkipSchema), async (c) =>
    c.json(await c.var.ledger.skipPulse(c.var.principal, c.req.valid('param').id, c.req.valid('json'))),
  )
  .get('/:id/results', validate('param', pulseParamSchema), validate('query', pulseResultsQuerySchema), async (c) =>
    c.json(await c.var.ledger.pulseResults(c.var.principal, c.req.valid('param').id, c.req.valid('query'))),
  )
  .put(
    '/:id/departments/:departmentId/actions',
    validate('param', pulseDepartmentParamSchema),
    validate('json', pulseActionsSchema),
    async (c) => {
      const { id, departmentId } = c.req.valid('param');
      return c.json(await c.var.ledger.setPulseActions(c.var.principal, id, departmentId, c.req.valid('json')));
    },
  );
