import type { InferRequestType, InferResponseType } from 'hono/client';
import type { Unwrap } from './api.ts';
import type { Client } from './client.ts';

export type WebhooksResult = InferResponseType<Client['v1']['webhooks']['$get'], 200>;
export type WebhookItem = WebhooksResult['webhooks'][number];
export type CreatedWebhook = InferResponseType<Client['v1']['webhooks']['$post'], 201>;
export type NewWebhookInput = InferRequestType<Client['v1']['webhooks']['$post']>['json'];
export type UpdateWebhookInput = InferRequestType<Client['v1']['webhooks'][':id']['$patch']>['json'];
export type DeliveriesResult = InferResponseType<Client['v1']['webhooks'][':id']['deliveries']['$get'], 200>;
export type DeliveryItem = DeliveriesResult['deliveries'][number];
export type MyDigestResult = InferResponseType<Client['v1']['me']['digest']['$get'], 200>;

/** The admins' webhook calls (api.ts spreads them into its client). */
export const webhookCalls = (c: Client, unwrap: Unwrap) => ({
  webhooks: () => unwrap<WebhooksResult>(c.v1.webhooks.$get()),
  createWebhook: (json: NewWebhookInput, key: string) =>
    unwrap<CreatedWebhook>(c.v1.webhooks.$post({ json, header: { 'idempotency-key': key } })),
  updateWebhook: (id: string, json: UpdateWebhookInput) =>
    unwrap<WebhookItem>(c.v1.webhooks[':id'].$patch({ param: { id }, json })),
  deleteWebhook: (id: string) => unwrap<void>(c.v1.webhooks[':id'].$delete({ param: { id } })),
  deliveries: (id: string) =>
    unwrap<DeliveriesResult>(c.v1.webhooks[':id'].deliveries.$get({ param: { id }, query: { limit: '20' } })),
  resendDelivery: (id: string, deliveryId: string) =>
    unwrap<{ id: string }>(c.v1.webhooks[':id'].deliveries[':deliveryId'].resend.$post({ param: { id, deliveryId } })),
  testWebhook: (id: string) => unwrap<{ id: string }>(c.v1.webhooks[':id'].test.$post({ param: { id } })),
  /** Where my weekly digest goes (managers and admins), and the webhooks it may go to. */
  myDigest: () => unwrap<MyDigestResult>(c.v1.me.digest.$get()),
  chooseDigest: (webhookId: string | null) => unwrap<MyDigestResult>(c.v1.me.digest.$put({ json: { webhookId } })),
});
