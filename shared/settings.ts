import * as z from 'zod';
import { timeZoneSchema } from './clock.ts';
import { pulseLimits, pulseThresholdSchema } from './pulses.ts';

/** An organisation's limits, changed by its admins. */
export const orgLimitsSchema = z.object({
  /** Writes (asks, thanks, replies, changes) one person may make per minute. */
  writesPerMinute: z.number().int().min(1).max(100_000),
  /** Thank-yous one person may send to the same recipient per day. */
  thanksPerRecipientPerDay: z.number().int().min(1).max(100_000),
});
export type OrgLimits = z.infer<typeof orgLimitsSchema>;

export const defaultLimits: OrgLimits = { writesPerMinute: 60, thanksPerRecipientPerDay: 5 };

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** When managers' weekly digests go out, in the organisation's own time zone. */
export const digestScheduleSchema = z.object({
  day: z.enum(weekdays),
  hour: z.number().int().min(0).max(23),
  timeZone: timeZoneSchema,
});
export type DigestSchedule = z.infer<typeof digestScheduleSchema>;

export const defaultDigestSchedule: DigestSchedule = { day: 'mon', hour: 8, timeZone: 'UTC' };

/** Department pulses: results show only from this many respondents up (never fewer than 3). */
export const pulseSettingsSchema = z.object({ threshold: pulseThresholdSchema });
export type PulseSettings = z.infer<typeof pulseSettingsSchema>;

export const defaultPulseSettings: PulseSettings = { threshold: pulseLimits.defaultThreshold };

export const settingsSchema = z.object({
  limits: orgLimitsSchema,
  digest: digestScheduleSchema,
  pulses: pulseSettingsSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const updateSettingsSchema = z.object({
  limits: orgLimitsSchema.partial().optional(),
  digest: digestScheduleSchema.partial().optional(),
  pulses: pulseSettingsSchema.partial().optional(),
});
export type UpdateSettings = z.infer<typeof updateSettingsSchema>;
