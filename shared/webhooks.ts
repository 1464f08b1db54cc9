import * as z from 'zod';
import { visibleText } from './text.ts';

/*
 * Outbound webhooks, kept by admins: where the ledger announces public thank-yous, new asks, asks at risk or
 * overdue, and managers' weekly digests (Slack, Microsoft Teams, or Standard Webhooks JSON).
 */

export const webhookTargets = ['slack', 'teams', 'standard'] as const;
export const webhookTargetSchema = z.enum(webhookTargets);
export type WebhookTarget = z.infer<typeof webhookTargetSchema>;

export const webhookEvents = ['thank.public', 'ask.new', 'ask.at_risk', 'ask.overdue', 'digest'] as const;
export const webhookEventSchema = z.enum(webhookEvents);
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/** What a delivery carries: one of the events, or the admin's test. */
export const deliveryKindSchema = z.enum([...webhookEvents, 'ping']);
export type DeliveryKind = z.infer<typeof deliveryKindSchema>;

export const webhookLimits = { name: 80, url: 2048, perOrganisation: 200 } as const;

/** http(s) only; whether http is accepted is the operator's choice (the ledger checks it). */
export const webhookUrl = z
  .string()
  .trim()
  .max(webhookLimits.url)
  .refine((u) => ['https:', 'http:'].includes(protocolOf(u)), 'An https:// address');

function protocolOf(u: string): string {
  try {
    return new URL(u).protocol;
  } catch {
    return '';
  }
}

const events = z
  .array(webhookEventSchema)
  .min(1, 'Choose at least one event')
  .refine((e) => new Set(e).size === e.length, 'Each event once');

export const webhookSchema = z.object({
  id: z.string(),
  name: z.string(),
  target: webhookTargetSchema,
  url: z.string(),
  /** The whole organisation, or one department's (departmentId). */
  scope: z.enum(['organisation', 'department']),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  events: z.array(webhookEventSchema),
  state: z.enum(['active', 'paused']),
  pausedReason: z.string().nullable(),
  createdAt: z.string(),
});
export type Webhook = z.infer<typeof webhookSchema>;

/** The create answer: the signing secret, shown this once. */
export const createdWebhookSchema = webhookSchema.extend({ secret: z.string() });
export type CreatedWebhook = z.infer<typeof createdWebhookSchema>;

export const webhooksSchema = z.object({ webhooks: z.array(webhookSchema) });

export const newWebhookSchema = z.object({
  name: visibleText(webhookLimits.name, 'Name the webhook'),
  target: webhookTargetSchema,
  url: webhookUrl,
  /** A department's channel; null or absent: the whole organisation. */
  departmentId: z.string().min(1).max(64).nullable().optional(),
  events,
});
export type NewWebhook = z.infer<typeof newWebhookSchema>;

/** Rename, move, change events, or resume (active) / pause it. */
export const updateWebhookSchema = z
  .object({
    name: visibleText(webhookLimits.name, 'Name the webhook').optional(),
    url: webhookUrl.optional(),
    events: events.optional(),
    state: z.enum(['active', 'paused']).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to change', path: ['name'] });
export type UpdateWebhook = z.infer<typeof updateWebhookSchema>;

export const deliveryStatusSchema = z.enum(['pending', 'delivered', 'failed']);

/** One delivery as its admin sees it: never the body the receiver answered beyond a short excerpt. */
export const deliverySchema = z.object({
  /** The `webhook-id` the receiver sees, the same on every retry. */
  id: z.string(),
  kind: deliveryKindSchema,
  status: deliveryStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  /** At most 200 characters of the last response. */
  responseExcerpt: z.string().max(200).nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const deliveriesSchema = z.object({ deliveries: z.array(deliverySchema) });
export const deliveriesQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

/** A manager's weekly digest goes to one of the organisation's webhooks subscribed to 'digest', or nowhere. */
export const myDigestSchema = z.object({ webhookId: z.string().min(1).max(64).nullable() });
export type MyDigest = z.infer<typeof myDigestSchema>;
