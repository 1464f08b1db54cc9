import { askCauseSchema, noteCauseSchema } from '../../../shared/causes.ts';
import type { Operation } from './operations.ts';

/** Causes, not culprits: one optional tap after a reopen, a bounce, a decline or a low rating. */
export const causesOperations: Operation[] = [
  {
    method: 'post',
    path: '/v1/asks/{id}/cause',
    summary:
      "What got in the way of the caller's latest reopen, forward back, decline or rating of 2 or less on the ask: " +
      'a category, never a person, once per step (the same cause again answers 200; another one 409)',
    tag: 'Asks',
    body: noteCauseSchema,
    responses: {
      201: { description: 'Recorded', schema: askCauseSchema },
      200: { description: 'Already recorded with this cause', schema: askCauseSchema },
    },
  },
];
