import * as z from 'zod';
import { calendarDay } from './dates.ts';
import { firstYear, lastYear } from './day-bounds.ts';
import { visibleText } from './text.ts';

/*
 * Department pulses: the people a department serves say, per dimension, how much it matters to them
 * (expectation) and how the department did (perception), on 7-point scales, anonymously. Results only after
 * the pulse closes and only from the organisation's threshold of respondents up.
 */

export const pulseDimensions = ['communication', 'productivity', 'responsiveness', 'quality'] as const;
export type PulseDimension = (typeof pulseDimensions)[number];

/** The 7-point scale every dimension is rated on. */
export const pulseScale = [1, 2, 3, 4, 5, 6, 7] as const;

export const pulseLimits = {
  departments: 20,
  comment: 500,
  actions: 3,
  actionText: 200,
  askedWithinDays: 365,
  /** The organisation's threshold of respondents can be raised, never set below this. */
  minThreshold: 3,
  defaultThreshold: 5,
} as const;

const id = z.string().min(1).max(64);

/** An instant between 1970 and 2100, as ISO 8601 with a zone (what every other date of the API allows). */
export const instant = () =>
  z.iso.datetime({ offset: true, error: 'A date and time as ISO 8601' }).refine((s) => {
    const year = new Date(s).getUTCFullYear();
    return year >= firstYear && year <= lastYear;
  }, `A date between ${firstYear} and ${lastYear}`);

/** Who is asked: everyone (but the department's own members), or who asked the department something lately. */
export const pulseAudienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('everyone') }),
  z.object({ kind: z.literal('askedWithin'), days: z.number().int().min(1).max(pulseLimits.askedWithinDays) }),
]);
export type PulseAudience = z.infer<typeof pulseAudienceSchema>;

export const pulseRepeatSchema = z.enum(['none', 'quarterly']);

export const openPulseSchema = z.object({
  departmentIds: z
    .array(id)
    .min(1, 'Choose at least one department')
    .max(pulseLimits.departments)
    .refine((ids) => new Set(ids).size === ids.length, 'Each department once'),
  audience: pulseAudienceSchema.default({ kind: 'everyone' }),
  closesAt: instant(),
  /** quarterly: the same pulse opens again three months after this one opened, until stopped. */
  repeat: pulseRepeatSchema.default('none'),
});
export type OpenPulse = z.infer<typeof openPulseSchema>;

/** Stops (or restarts) a pulse's quarterly repeat. */
export const updatePulseSchema = z.object({ repeat: pulseRepeatSchema });
export type UpdatePulse = z.infer<typeof updatePulseSchema>;

const scale = z.number().int().min(1, 'From 1 to 7').max(7, 'From 1 to 7');
const ratingPair = z.object({ expectation: scale, perception: scale });

export const pulseResponseSchema = z.object({
  departmentId: id,
  ratings: z.object(
    Object.fromEntries(pulseDimensions.map((d) => [d, ratingPair])) as Record<PulseDimension, typeof ratingPair>,
  ),
  /** Shown to the department and managers without name or time. */
  comment: visibleText(pulseLimits.comment, 'Write something or leave the comment out').optional(),
});
export type PulseResponse = z.infer<typeof pulseResponseSchema>;

export const pulseSkipSchema = z.object({ departmentId: id });
export type PulseSkip = z.infer<typeof pulseSkipSchema>;

export const pulseActionSchema = z.object({
  text: visibleText(pulseLimits.actionText, 'Say what will change'),
  ownerId: id,
  due: calendarDay(),
});
export const pulseActionsSchema = z.object({ actions: z.array(pulseActionSchema).max(pulseLimits.actions) });
export type PulseActions = z.infer<typeof pulseActionsSchema>;

export const pulseResultsQuerySchema = z.object({
  /** Only this department's results (each department's still need the threshold of respondents). */
  departmentId: id.optional(),
});
export type PulseResultsQuery = z.infer<typeof pulseResultsQuerySchema>;

/** A change a department records after a pulse: "you said, we did". */
export const pulseActionItemSchema = z.object({
  text: z.string(),
  owner: z.object({ id: z.string(), name: z.string() }),
  due: z.string(),
});
export type PulseActionItem = z.infer<typeof pulseActionItemSchema>;

export const pulseStateSchema = z.enum(['open', 'closed']);

export const pulseSummarySchema = z.object({
  id: z.string(),
  departments: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      /** How many were asked (counted when the pulse opened). */
      audience: z.number().int(),
      /** How many answered: null while the pulse is open (no live count to watch). */
      respondents: z.number().int().nullable(),
    }),
  ),
  audience: pulseAudienceSchema,
  repeat: pulseRepeatSchema,
  opensAt: z.string(),
  closesAt: z.string(),
  state: pulseStateSchema,
  /** Which time this pulse runs in its quarterly series (1 = the first). */
  round: z.number().int(),
});
export type PulseSummary = z.infer<typeof pulseSummarySchema>;
export const pulsesSchema = z.object({ pulses: z.array(pulseSummarySchema) });

/** One card waiting in a person's panel: a department to rate in an open pulse. */
export const pendingPulseSchema = z.object({
  pulseId: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  closesAt: z.string(),
  /** The person skipped it once and this is the one reminder: skipping again dismisses it. */
  reminder: z.boolean(),
});
/** What a department changed after a closed pulse whose audience included the person. */
export const pulseChangesSchema = z.object({
  pulseId: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  closedAt: z.string(),
  actions: z.array(pulseActionItemSchema),
});
/** A closed pulse about a department the person belongs to, whose results show (enough answered). */
export const pulseResultsReadySchema = z.object({
  pulseId: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  closedAt: z.string(),
});
export const myPulsesSchema = z.object({
  pending: z.array(pendingPulseSchema),
  /** How many must answer before a department's results show (the organisation's setting). */
  threshold: z.number().int(),
  /** "You said, we did": recent closed pulses' changes, newest first. */
  changes: z.array(pulseChangesSchema),
  /** Recent closed pulses about the person's own departments with results to read, newest first. */
  results: z.array(pulseResultsReadySchema),
});
export type MyPulses = z.infer<typeof myPulsesSchema>;

export const pulseAnsweredSchema = z.object({
  pulseId: z.string(),
  departmentId: z.string(),
  answered: z.literal(true),
});
export const pulseSkippedSchema = z.object({
  pulseId: z.string(),
  departmentId: z.string(),
  /** When the card comes back once, or null when it will not. */
  remindAt: z.string().nullable(),
});

const mean = z.number().nullable();
export const dimensionResultSchema = z.object({
  dimension: z.enum(pulseDimensions),
  expectation: z.number(),
  perception: z.number(),
  /** perception − expectation: below zero, the department falls short of what matters to people. */
  gap: z.number(),
  expectationSpread: z.number(),
  perceptionSpread: z.number(),
  /** How many gave 1…7 (index 0 = 1). */
  expectationCounts: z.array(z.number().int()),
  perceptionCounts: z.array(z.number().int()),
});
export const gapPointSchema = z.object({
  pulseId: z.string(),
  closesAt: z.string(),
  respondents: z.number().int(),
  gaps: z.record(z.enum(pulseDimensions), z.number()),
});
export const askRatingsSchema = z.object({
  from: z.string(),
  to: z.string(),
  rated: z.number().int(),
  overall: mean,
  communication: mean,
  responsiveness: mean,
  quality: mean,
});
export const departmentResultSchema = z.object({
  departmentId: z.string(),
  name: z.string(),
  audience: z.number().int(),
  respondents: z.number().int().nullable(),
  /** Why nothing is shown: the pulse is still open, or too few answered. */
  hidden: z.enum(['open', 'below_threshold']).nullable(),
  dimensions: z.array(dimensionResultSchema),
  /** Comments without names or times, in an order unrelated to when they came. */
  comments: z.array(z.string()),
  /** The gap per dimension over this department's closed pulses with enough respondents, oldest first. */
  history: z.array(gapPointSchema),
  /** The per-ask ratings of the department in the 13 ISO weeks up to the pulse's close (from a Monday). */
  askRatings: askRatingsSchema,
  actions: z.array(pulseActionItemSchema),
  /** Whether the reader may record the changes (closed, and they are the department's manager or an admin). */
  canRecordActions: z.boolean(),
  /** Who may own a change, for the one who records them: the department's active members (else empty). */
  owners: z.array(z.object({ id: z.string(), name: z.string() })),
  /** What the department said it would change after its previous pulse. */
  previousActions: z.array(pulseActionItemSchema),
});
export const pulseResultsSchema = z.object({
  pulse: pulseSummarySchema,
  threshold: z.number().int(),
  departments: z.array(departmentResultSchema),
});
export type PulseResults = z.infer<typeof pulseResultsSchema>;
export type DepartmentResult = z.infer<typeof departmentResultSchema>;

/** Ids are short text: the route's parameter. */
export const pulseParamSchema = z.object({ id });
export const pulseDepartmentParamSchema = z.object({ id, departmentId: id });

export const pulseThresholdSchema = z.number().int().min(pulseLimits.minThreshold).max(1000);
