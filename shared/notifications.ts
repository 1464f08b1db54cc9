import * as z from 'zod';
import { clockTimeSchema, timeZoneSchema } from './clock.ts';

/** What a person may be told about; "atRisk" also covers asks already overdue. */
export const notificationKinds = ['newAsk', 'reply', 'resolved', 'thanks', 'atRisk'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Quiet from `start` to `end` in the person's time zone; `end` before `start` spans midnight. */
export const quietHoursSchema = z
  .object({ start: clockTimeSchema, end: clockTimeSchema })
  .refine((q) => q.start !== q.end, { message: 'Starts and ends at the same time', path: ['end'] });
export type QuietHours = z.infer<typeof quietHoursSchema>;

export const notificationPrefsSchema = z.object({
  kinds: z.object({
    newAsk: z.boolean(),
    reply: z.boolean(),
    resolved: z.boolean(),
    thanks: z.boolean(),
    atRisk: z.boolean(),
  }),
  quietHours: quietHoursSchema.nullable(),
  timeZone: timeZoneSchema,
});
export type NotificationPrefs = z.infer<typeof notificationPrefsSchema>;

/** A person who never chose: told everything, never quiet (the time zone comes from their department). */
export const defaultNotificationPrefs = (timeZone = 'UTC'): NotificationPrefs => ({
  kinds: { newAsk: true, reply: true, resolved: true, thanks: true, atRisk: true },
  quietHours: null,
  timeZone,
});

/**
 * What an item is about: the kinds people choose, "overdue" (chosen with atRisk), and, for admins,
 * "webhookPaused" (a webhook that kept failing was paused: not a choice, its deliveries wait for them).
 */
export const notificationItemKindSchema = z.enum([
  'newAsk',
  'reply',
  'resolved',
  'thanks',
  'atRisk',
  'overdue',
  'webhookPaused',
]);
export type NotificationItemKind = z.infer<typeof notificationItemKindSchema>;

export const notificationItemSchema = z.object({
  /** Stable: `${kind}:${seq}` for what happened, `atRisk:${askId}` / `overdue:${askId}` for a state. */
  id: z.string(),
  kind: notificationItemKindSchema,
  askId: z.string().optional(),
  thankId: z.string().optional(),
  webhookId: z.string().optional(),
  /** Who did what ("Sam Rivera asked Payroll"). */
  title: z.string(),
  /** The ask's subject, the reply, the thank-you's message, or why a webhook was paused. */
  body: z.string(),
  at: z.string(),
  /** The event's sequence number; for an at-risk or overdue ask, its last change. */
  seq: z.number().int(),
});
export type NotificationItem = z.infer<typeof notificationItemSchema>;

export const notificationsQuerySchema = z.object({ after: z.coerce.number().int().min(0).default(0) });

export const notificationsSchema = z.object({
  items: z.array(notificationItemSchema),
  /** The cursor to ask after next time. */
  last: z.number().int(),
  /** More events follow: ask again after `last`. */
  more: z.boolean(),
  /** The person is in their quiet hours: show nothing (the items are in the panel). */
  quiet: z.boolean(),
});
export type Notifications = z.infer<typeof notificationsSchema>;
