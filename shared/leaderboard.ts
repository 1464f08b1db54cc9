import * as z from 'zod';
import { recipientKindSchema } from './people.ts';

export const periodSchema = z.enum(['week', 'month', 'quarter', 'all']);
export type Period = z.infer<typeof periodSchema>;

export const leaderboardQuerySchema = z.object({
  period: periodSchema.default('month'),
  kind: recipientKindSchema.default('person'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type LeaderboardQuery = z.infer<typeof leaderboardQuerySchema>;

export const leaderboardRowSchema = z.object({
  rank: z.number().int(),
  id: z.string(),
  name: z.string(),
  received: z.number().int(),
  distinctGivers: z.number().int(),
});
export type LeaderboardRow = z.infer<typeof leaderboardRowSchema>;

export const leaderboardSchema = z.object({
  period: periodSchema,
  /** Which week, month or quarter, e.g. 2026-W48, 2026-11, 2026-Q4, or all. */
  bucket: z.string(),
  kind: recipientKindSchema,
  rows: z.array(leaderboardRowSchema),
});
export type Leaderboard = z.infer<typeof leaderboardSchema>;
