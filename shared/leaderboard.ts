import * as z from 'zod';
import { importanceSchema } from './asks.ts';
import { handoffCausesSchema } from './causes.ts';
import { calendarDay } from './dates.ts';
import { recipientKindSchema } from './people.ts';

/** The managers' page reads a period: a standard one (the bucket containing `at`, default today), or a custom range. */
export const periodSchema = z.enum(['week', 'month', 'quarter', 'year', 'all', 'custom']);
export type Period = z.infer<typeof periodSchema>;

const day = calendarDay();

export const rangeQuerySchema = z.object({
  period: periodSchema.default('month'),
  /** A day inside the wanted week, month, quarter or year (default: today, UTC). */
  at: day.optional(),
  /** Custom range, inclusive (YYYY-MM-DD). */
  from: day.optional(),
  to: day.optional(),
});

const checkRange = <T extends z.infer<typeof rangeQuerySchema>>(q: T, ctx: z.RefinementCtx) => {
  if (q.period !== 'custom') return;
  if (!q.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'A custom range needs a first day' });
  if (!q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'A custom range needs a last day' });
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Ends before it starts' });
  if (q.from && q.to && Date.parse(q.to) - Date.parse(q.from) > 3 * 366 * 86_400_000) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'At most three years' });
  }
};

export const rangeSchema = z.object({
  period: periodSchema,
  /** 2026-W49, 2026-11, 2026-Q4, 2026, all, or 2026-01-15..2026-03-31. */
  label: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type Range = z.infer<typeof rangeSchema>;

export const leaderboardQuerySchema = rangeQuerySchema
  .extend({
    kind: recipientKindSchema.default('person'),
    /** Thanks received (the default) or given. */
    direction: z.enum(['received', 'given']).default('received'),
    /** People of this department only (kind=person). */
    departmentId: z.string().max(64).optional(),
    /** Thanks tagged with this company value only. */
    valueId: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .superRefine(checkRange);
export type LeaderboardQuery = z.infer<typeof leaderboardQuerySchema>;

export const leaderboardRowSchema = z.object({
  rank: z.number().int(),
  id: z.string(),
  name: z.string(),
  /** Thanks received (or given, when direction=given). */
  received: z.number().int(),
  distinctGivers: z.number().int(),
  /** How many departments the givers came from. */
  reach: z.number().int(),
  /** Departments: asks resolved in the period, and thanks per 100 of them. */
  asksServed: z.number().int().optional(),
  perHundredServed: z.number().nullable().optional(),
});
export type LeaderboardRow = z.infer<typeof leaderboardRowSchema>;

export const leaderboardSchema = z.object({
  range: rangeSchema,
  kind: recipientKindSchema,
  direction: z.enum(['received', 'given']),
  rows: z.array(leaderboardRowSchema),
});
export type Leaderboard = z.infer<typeof leaderboardSchema>;

export const insightsQuerySchema = rangeQuerySchema
  .extend({ departmentId: z.string().max(64).optional() })
  .superRefine(checkRange);
export type InsightsQuery = z.infer<typeof insightsQuerySchema>;

/** People who serve many asks and are rarely thanked. */
export const unsungSchema = z.object({
  range: rangeSchema,
  rows: z.array(z.object({ id: z.string(), name: z.string(), asksServed: z.number().int(), thanks: z.number().int() })),
});
export type Unsung = z.infer<typeof unsungSchema>;

const durationSchema = z.object({
  /** Business milliseconds: nearest-rank percentiles from histograms, within 1% of the exact value. */
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable(),
  /** Share (0..1) within the department's standard, of those that happened. */
  withinStandard: z.number().nullable(),
  count: z.number().int(),
});

export const serviceRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  standard: z.object({ firstResponseHours: z.number(), resolutionHours: z.number() }).nullable(),
  received: z.number().int(),
  resolved: z.number().int(),
  declined: z.number().int(),
  reopened: z.number().int(),
  /** Open now, and past due now (whatever the period). */
  backlog: z.number().int(),
  overdue: z.number().int(),
  firstResponse: durationSchema,
  resolution: durationSchema,
  ratings: z.object({
    count: z.number().int(),
    overall: z.number().nullable(),
    communication: z.number().nullable(),
    responsiveness: z.number().nullable(),
    quality: z.number().nullable(),
  }),
  /** The requester's expectation (needed by a date) against what happened. */
  neededBy: z.object({ met: z.number().int(), missed: z.number().int() }),
  /** Perception by stated importance: average overall rating per importance. */
  byImportance: z.array(z.object({ importance: importanceSchema, rated: z.number().int(), overall: z.number() })),
  forwardedOut: z.number().int(),
  bounces: z.number().int(),
});
export type ServiceRow = z.infer<typeof serviceRowSchema>;

export const serviceSchema = z.object({
  range: rangeSchema,
  organisation: serviceRowSchema,
  departments: z.array(serviceRowSchema),
});
export type Service = z.infer<typeof serviceSchema>;

export const handoffsSchema = z.object({
  range: rangeSchema,
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Requester's department × serving department; `from` is '' for requesters in no department. */
  cells: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      arrivals: z.number().int(),
      resolved: z.number().int(),
      medianMs: z.number().nullable(),
      forwards: z.number().int(),
      bounces: z.number().int(),
    }),
  ),
  /** What got in the way, per pair (causes.ts): tapped after reopens, bounces, declines and low ratings. */
  causes: z.array(handoffCausesSchema),
});
export type Handoffs = z.infer<typeof handoffsSchema>;

export const trendsQuerySchema = z.object({
  weeks: z.coerce.number().int().min(2).max(104).default(12),
  departmentId: z.string().max(64).optional(),
  at: day.optional(),
});
export type TrendsQuery = z.infer<typeof trendsQuerySchema>;

export const trendsSchema = z.object({
  weeks: z.array(
    z.object({
      week: z.string(),
      start: z.string(),
      thanks: z.number().int(),
      received: z.number().int(),
      resolved: z.number().int(),
      resolutionMedianMs: z.number().nullable(),
      withinStandard: z.number().nullable(),
    }),
  ),
});
export type Trends = z.infer<typeof trendsSchema>;
