import * as z from 'zod';

export const eventTypeSchema = z.enum([
  'org.seeded',
  'person.added',
  'person.updated',
  'people.imported',
  'invitation.issued',
  'department.added',
  'ask.created',
  'ask.status',
  'ask.replied',
  'ask.assigned',
  'ask.forwarded',
  'ask.rated',
  'ask.followed',
  'department.updated',
  'settings.updated',
  'thank.created',
  'token.issued',
  'token.revoked',
  /** An organisation made from nothing, with its first admin (the demo's begins with org.seeded). */
  'org.created',
  'value.added',
  'value.renamed',
  'values.reordered',
  'value.retired',
  'value.restored',
  /** Outbound webhooks (webhooks.ts): kept by admins; paused by the delivery loop after a day of failures. */
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.paused',
  'webhook.resent',
  'webhook.tested',
  /** A manager chose where their weekly digest goes. */
  'digest.chosen',
  /** A person changed what they are notified of (their own preferences). */
  'person.notifications_updated',
  /** What got in the way of an ask's step (causes.ts): a category, never a person. */
  'ask.cause_noted',
  /** Department pulses (pulses-*.ts). A response or skip names nobody and carries nothing but its pulse. */
  'pulse.opened',
  'pulse.updated',
  'pulse.closed',
  'pulse.answered',
  'pulse.skipped',
  'pulse.actions_set',
]);
export type EventType = z.infer<typeof eventTypeSchema>;

export const eventSchema = z.object({
  seq: z.number().int(),
  type: eventTypeSchema,
  actorId: z.string().nullable(),
  subjectId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type LedgerEvent = z.infer<typeof eventSchema>;

export const eventsQuerySchema = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const eventsPageSchema = z.object({
  events: z.array(eventSchema),
  /** The cursor for the next page. */
  last: z.number().int(),
  /** Whether more events follow: page until this is false. */
  more: z.boolean(),
});
export type EventsPage = z.infer<typeof eventsPageSchema>;
