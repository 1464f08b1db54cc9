import * as z from 'zod';

/** An organisation's limits, changed by its admins. */
export const orgLimitsSchema = z.object({
  /** Writes (asks, thanks, replies, changes) one person may make per minute. */
  writesPerMinute: z.number().int().min(1).max(100_000),
  /** Thank-yous one person may send to the same recipient per day. */
  thanksPerRecipientPerDay: z.number().int().min(1).max(100_000),
});
export type OrgLimits = z.infer<typeof orgLimitsSchema>;

export const defaultLimits: OrgLimits = { writesPerMinute: 60, thanksPerRecipientPerDay: 5 };

export const settingsSchema = z.object({ limits: orgLimitsSchema });
export type Settings = z.infer<typeof settingsSchema>;

export const updateSettingsSchema = z.object({ limits: orgLimitsSchema.partial().optional() });
export type UpdateSettings = z.infer<typeof updateSettingsSchema>;
