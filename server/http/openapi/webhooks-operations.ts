import * as z from 'zod';
import {
  createdWebhookSchema,
  deliveriesQuerySchema,
  deliveriesSchema,
  myDigestSchema,
  newWebhookSchema,
  updateWebhookSchema,
  webhookSchema,
  webhooksSchema,
  webhookTargetSchema,
} from '../../../shared/webhooks.ts';
import type { Operation } from './operations.ts';

const accepted = { 202: { description: 'Queued: watch its deliveries', schema: z.object({ id: z.string() }) } };
const myDigest = myDigestSchema.extend({
  webhooks: z.array(z.object({ id: z.string(), name: z.string(), target: webhookTargetSchema })),
});

/** Outbound webhooks (admins) and where a manager's weekly digest goes. */
export const webhooksOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/webhooks',
    summary: 'The organisation’s outbound webhooks, with their state (admins)',
    tag: 'Webhooks',
    responses: { 200: { description: 'Webhooks', schema: webhooksSchema } },
  },
  {
    method: 'post',
    path: '/v1/webhooks',
    summary:
      'Add a webhook (Slack, Teams or Standard Webhooks) for the organisation or one department. The answer ' +
      'carries its signing secret, shown this once (admins)',
    tag: 'Webhooks',
    idempotent: true,
    body: newWebhookSchema,
    responses: { 201: { description: 'Added, with its secret', schema: createdWebhookSchema } },
  },
  {
    method: 'patch',
    path: '/v1/webhooks/{id}',
    summary: 'Rename it, change its URL or events, pause it or resume it (state: active) (admins)',
    tag: 'Webhooks',
    body: updateWebhookSchema,
    responses: { 200: { description: 'The webhook', schema: webhookSchema } },
  },
  {
    method: 'delete',
    path: '/v1/webhooks/{id}',
    summary: 'Remove a webhook; what it still had to send is dropped (admins)',
    tag: 'Webhooks',
    responses: { 204: { description: 'Removed' } },
  },
  {
    method: 'get',
    path: '/v1/webhooks/{id}/deliveries',
    summary: 'Its recent deliveries, newest first: status, attempts, next attempt, last answer (admins)',
    tag: 'Webhooks',
    query: deliveriesQuerySchema,
    responses: { 200: { description: 'Deliveries', schema: deliveriesSchema } },
  },
  {
    method: 'post',
    path: '/v1/webhooks/{id}/deliveries/{deliveryId}/resend',
    summary: 'Send a delivery again, with the same webhook-id (admins)',
    tag: 'Webhooks',
    responses: accepted,
  },
  {
    method: 'post',
    path: '/v1/webhooks/{id}/test',
    summary: 'Send a test message (a ping) to the webhook (admins)',
    tag: 'Webhooks',
    responses: accepted,
  },
  {
    method: 'get',
    path: '/v1/me/digest',
    summary: 'Where my weekly digest goes, and the webhooks it may go to (managers and admins)',
    tag: 'Webhooks',
    responses: { 200: { description: 'My choice', schema: myDigest } },
  },
  {
    method: 'put',
    path: '/v1/me/digest',
    summary:
      'Send my weekly digest to one of the organisation’s digest webhooks, or nowhere (null) (managers and admins)',
    tag: 'Webhooks',
    body: myDigestSchema,
    responses: { 200: { description: 'My choice', schema: myDigest } },
  },
];
