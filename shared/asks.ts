import * as z from 'zod';
import { calendarDay } from './dates.ts';
import { limits } from './limits.ts';
import { recipientRefSchema } from './people.ts';
import { screenshotIdSchema } from './screenshots.ts';
import { hasVisibleText, plainText, visibleText } from './text.ts';
import { webUrlSchema } from './urls.ts';

/** The page the requester was on when they asked (its address cleaned: see urls.ts). */
export const pageContextSchema = z.object({
  url: webUrlSchema,
  title: plainText(limits.pageTitle).default(''),
  selection: plainText(limits.selection).default(''),
  /** A screenshot of the visible tab the requester chose to attach (uploaded first: POST /v1/screenshots). */
  screenshot: screenshotIdSchema.optional(),
});
export type PageContext = z.infer<typeof pageContextSchema>;

export const askStatusSchema = z.enum([
  'open',
  'acknowledged',
  'in_progress',
  'waiting_on_requester',
  'resolved',
  'declined',
]);
export type AskStatus = z.infer<typeof askStatusSchema>;

/** How much it matters to the requester: their expectation, next to the needed-by date. */
export const importanceSchema = z.enum(['low', 'normal', 'high', 'urgent']);
export type Importance = z.infer<typeof importanceSchema>;

export const createAskSchema = z.object({
  to: recipientRefSchema,
  subject: visibleText(limits.subject, 'Say what you need'),
  details: plainText(limits.details).default(''),
  context: pageContextSchema.optional(),
  /** The requester's expectation: needed by this day (YYYY-MM-DD). */
  expectedBy: calendarDay().optional(),
  importance: importanceSchema.default('normal'),
  /** Create it even though an open ask to the same department about the same page exists. */
  allowDuplicate: z.boolean().default(false),
});
export type CreateAsk = z.infer<typeof createAskSchema>;

const personRefSchema = z.object({ id: z.string(), name: z.string() });

export const ratingSchema = z.object({
  overall: z.number().int().min(1).max(5),
  communication: z.number().int().min(1).max(5).optional(),
  responsiveness: z.number().int().min(1).max(5).optional(),
  quality: z.number().int().min(1).max(5).optional(),
  comment: plainText(limits.ratingComment).default(''),
});
export type Rating = z.infer<typeof ratingSchema>;

/** Where the ask stands against the addressed department's service standard (business hours). */
export const serviceClockSchema = z.object({
  firstResponseDueAt: z.string().nullable(),
  resolutionDueAt: z.string().nullable(),
  /** Business milliseconds to first response / resolution, once they happened. */
  firstResponseMs: z.number().nullable(),
  resolutionMs: z.number().nullable(),
  /** Business milliseconds spent waiting on the requester: they do not count against the standard. */
  waitingMs: z.number(),
  overdue: z.boolean(),
});
export type ServiceClock = z.infer<typeof serviceClockSchema>;

export const askSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  /** The sequence number of the ask's latest change. */
  updatedSeq: z.number().int(),
  requester: personRefSchema,
  to: recipientRefSchema.extend({ name: z.string() }),
  assignee: personRefSchema.nullable(),
  subject: z.string(),
  details: z.string(),
  context: pageContextSchema.nullable(),
  expectedBy: z.string().nullable(),
  importance: importanceSchema,
  status: askStatusSchema,
  declineReason: z.string().nullable(),
  createdAt: z.string(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: personRefSchema.nullable(),
  clock: serviceClockSchema,
  rating: ratingSchema.nullable(),
  /** Thank-yous linked to this ask. */
  thankCount: z.number().int(),
  replyCount: z.number().int(),
});
export type Ask = z.infer<typeof askSchema>;

export const timelineEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: personRefSchema.nullable(),
  type: z.enum(['created', 'status', 'reply', 'assigned', 'forwarded', 'rated', 'thanked', 'followed']),
  status: askStatusSchema.optional(),
  body: z.string().optional(),
  reason: z.string().optional(),
  assignee: personRefSchema.nullable().optional(),
  from: z.object({ id: z.string(), name: z.string() }).optional(),
  to: z.object({ id: z.string(), name: z.string() }).optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** What the reader may do with the ask, so the panel shows only the actions that will work. */
export const askActionsSchema = z.object({
  transitions: z.array(askStatusSchema),
  canReply: z.boolean(),
  /** Who it may be assigned to is searched, not listed here: GET /v1/asks/:id/assignees. */
  canAssign: z.boolean(),
  canForward: z.boolean(),
  canRate: z.boolean(),
});
export type AskActions = z.infer<typeof askActionsSchema>;

export const askDetailSchema = z.object({
  ask: askSchema,
  timeline: z.array(timelineEntrySchema),
  actions: askActionsSchema,
});
export type AskDetail = z.infer<typeof askDetailSchema>;

export const transitionSchema = z
  .object({
    status: askStatusSchema,
    /** Required when declining. */
    reason: plainText(limits.reply).optional(),
  })
  .refine((t) => t.status !== 'declined' || hasVisibleText(t.reason), { message: 'Say why', path: ['reason'] });
export type Transition = z.infer<typeof transitionSchema>;

export const replySchema = z.object({ body: visibleText(limits.reply, 'Write a reply') });
export type Reply = z.infer<typeof replySchema>;

export const assignSchema = z.object({ assigneeId: z.string().min(1).max(64).nullable() });
export type Assign = z.infer<typeof assignSchema>;

export const forwardSchema = z.object({
  departmentId: z.string().min(1).max(64),
  note: plainText(limits.reply).default(''),
});
export type Forward = z.infer<typeof forwardSchema>;

/** Rate a resolved ask and, in the same step, optionally thank whoever served it. */
export const rateSchema = ratingSchema.extend({
  thanks: z
    .object({
      message: visibleText(limits.thankMessage, 'Say what you are thankful for'),
      values: z.array(z.string().min(1).max(64)).max(limits.valuesPerThank).default([]),
    })
    .optional(),
});
export type Rate = z.infer<typeof rateSchema>;

/** An open ask to the same department about the same page (the duplicate guard). */
export const similarAskSchema = z.object({
  id: z.string(),
  to: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  status: askStatusSchema,
  /** The subject only when the reader may read the ask already. */
  subject: z.string().nullable(),
  /** The reader sent it: there is nothing to follow, only their own ask to open. */
  mine: z.boolean(),
});
export type SimilarAsk = z.infer<typeof similarAskSchema>;

/** Following an ask needs the page it is about: the reader must be on it. */
export const followSchema = z.object({ url: webUrlSchema });

export const similarQuerySchema = z.object({
  departmentId: z.string().min(1).max(64),
  url: webUrlSchema,
});

export const createAskResultSchema = z.union([askSchema, z.object({ duplicateOf: similarAskSchema })]);

/** Search for who an ask may be assigned to (its department's active members), as the assignee picker types. */
export const assigneesQuerySchema = z.object({
  q: plainText(limits.searchQuery).default(''),
  limit: z.coerce.number().int().min(1).max(limits.pageSize).default(20),
});
export type AssigneesQuery = z.infer<typeof assigneesQuerySchema>;

export const assigneeSchema = z.object({ id: z.string(), name: z.string(), title: z.string().optional() });
export type Assignee = z.infer<typeof assigneeSchema>;
export const assigneesResponseSchema = z.object({ people: z.array(assigneeSchema) });
export type AssigneesResponse = z.infer<typeof assigneesResponseSchema>;
