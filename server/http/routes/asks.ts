import * as z from 'zod';
import {
  assigneesQuerySchema,
  assignSchema,
  createAskSchema,
  followSchema,
  forwardSchema,
  rateSchema,
  replySchema,
  similarQuerySchema,
  transitionSchema,
} from '../../../shared/asks.ts';
import { noteCauseSchema } from '../../../shared/causes.ts';
import { imageType } from '../../blobs/screenshots.ts';
import type { AuthedEnv } from '../auth.ts';
import { ApiError, errorBody } from '../errors.ts';
import { Hono } from '../hono.ts';
import { idempotencyHeaderSchema } from '../idempotency.ts';
import { validate } from '../validate.ts';

const idParam = validate('param', z.object({ id: z.string().max(64) }));
const keyHeader = validate('header', idempotencyHeaderSchema);

/** Asks: create (with the duplicate guard), read with timeline, and the service lifecycle. */
export const askRoutes = new Hono<AuthedEnv>()
  .post('/', keyHeader, validate('json', createAskSchema), async (c) => {
    const key = c.req.valid('header')['idempotency-key'];
    const input = c.req.valid('json');
    const { orgId, personId } = c.var.principal;
    const screenshot = input.context?.screenshot;
    if (screenshot && !(await c.var.screenshots.has(orgId, personId, screenshot))) {
      throw new ApiError('validation_failed', 'Upload the screenshot first', {
        'context.screenshot': 'No screenshot of yours has this id: upload it with POST /v1/screenshots',
      });
    }
    const { result, replayed } = await c.var.ledger.createAsk(c.var.principal, input, key);
    if (replayed) c.header('Idempotent-Replayed', 'true');
    // Nothing created: an open ask to the same department about the same page exists.
    if ('duplicateOf' in result) return c.json(result, 200);
    return c.json(result, 201);
  })
  .get('/similar', validate('query', similarQuerySchema), async (c) => {
    const { departmentId, url } = c.req.valid('query');
    return c.json(await c.var.ledger.similarAsks(c.var.principal, departmentId, url));
  })
  .get('/:id', idParam, async (c) => c.json(await c.var.ledger.askDetail(c.var.principal, c.req.valid('param').id)))
  // The picture is as private as its ask: whoever may read the ask may see it, nobody else.
  .get('/:id/screenshot', idParam, async (c) => {
    const { ask } = await c.var.ledger.askDetail(c.var.principal, c.req.valid('param').id);
    const id = ask.context?.screenshot;
    const bytes = id ? await c.var.screenshots.get(c.var.principal.orgId, ask.requester.id, id) : null;
    const type = bytes && imageType(bytes);
    if (!bytes || !type) return c.json(errorBody('not_found', 'This ask has no screenshot'), 404);
    return c.body(bytes, 200, { 'content-type': type, 'cache-control': 'private, max-age=31536000, immutable' });
  })
  .post('/:id/follow', idParam, validate('json', followSchema), async (c) =>
    c.json(await c.var.ledger.followAsk(c.var.principal, c.req.valid('param').id, c.req.valid('json').url)),
  )
  .post('/:id/status', idParam, validate('json', transitionSchema), async (c) =>
    c.json(await c.var.ledger.transitionAsk(c.var.principal, c.req.valid('param').id, c.req.valid('json'))),
  )
  .post('/:id/replies', idParam, keyHeader, validate('json', replySchema), async (c) => {
    const key = c.req.valid('header')['idempotency-key'];
    const { id } = c.req.valid('param');
    const { result, replayed } = await c.var.ledger.replyToAsk(c.var.principal, id, c.req.valid('json'), key);
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(result, 201);
  })
  .post('/:id/assign', idParam, validate('json', assignSchema), async (c) =>
    c.json(await c.var.ledger.assignAsk(c.var.principal, c.req.valid('param').id, c.req.valid('json'))),
  )
  // Only for whoever may assign the ask: its department's members are searched, never listed whole.
  .get('/:id/assignees', idParam, validate('query', assigneesQuerySchema), async (c) =>
    c.json(await c.var.ledger.assignees(c.var.principal, c.req.valid('param').id, c.req.valid('query'))),
  )
  .post('/:id/forward', idParam, validate('json', forwardSchema), async (c) =>
    c.json(await c.var.ledger.forwardAsk(c.var.principal, c.req.valid('param').id, c.req.valid('json'))),
  )
  .post('/:id/rating', idParam, keyHeader, validate('json', rateSchema), async (c) => {
    const key = c.req.valid('header')['idempotency-key'];
    const { id } = c.req.valid('param');
    const { result, replayed } = await c.var.ledger.rateAsk(c.var.principal, id, c.req.valid('json'), key);
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(result, 201);
  })
  // Optional, after the step (shared/causes.ts): the same cause again is a retry and answers the same, 200.
  .post('/:id/cause', idParam, validate('json', noteCauseSchema), async (c) => {
    const { id } = c.req.valid('param');
    const { result, replayed } = await c.var.ledger.noteCause(c.var.principal, id, c.req.valid('json'));
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(result, replayed ? 200 : 201);
  });
