import * as z from 'zod';
import { limits } from './limits.ts';
import { recipientRefSchema } from './people.ts';

/** The page the requester was on when they asked. */
export const pageContextSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).max(limits.url),
  title: z.string().trim().max(limits.pageTitle).default(''),
  selection: z.string().max(limits.selection).default(''),
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

export const createAskSchema = z.object({
  to: recipientRefSchema,
  subject: z.string().trim().min(1, 'Say what you need').max(limits.subject),
  details: z.string().trim().max(limits.details).default(''),
  context: pageContextSchema.optional(),
  /** The requester's expectation: needed by this day (YYYY-MM-DD). */
  expectedBy: z.iso.date().optional(),
});
export type CreateAsk = z.infer<typeof createAskSchema>;

export const askSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  requester: z.object({ id: z.string(), name: z.string() }),
  to: recipientRefSchema.extend({ name: z.string() }),
  subject: z.string(),
  details: z.string(),
  context: pageContextSchema.nullable(),
  expectedBy: z.string().nullable(),
  status: askStatusSchema,
  createdAt: z.string(),
});
export type Ask = z.infer<typeof askSchema>;
