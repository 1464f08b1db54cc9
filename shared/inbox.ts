import * as z from 'zod';
import { askSchema } from './asks.ts';
import { thankSchema } from './thanks.ts';

export const inboxSchema = z.object({
  /** My resolved asks still to rate (not ones I resolved myself): shown first. */
  toRate: z.array(askSchema),
  /** Asks I sent, newest change first. */
  sent: z.array(askSchema),
  /** Asks to me, assigned to me, or to one of my departments, newest change first. */
  forMe: z.array(askSchema),
  /** Thank-yous to me or to one of my departments, newest first. */
  thanks: z.array(thankSchema),
  /** The organisation's event sequence when this was read: the sync cursor. */
  seq: z.number().int(),
});
export type Inbox = z.infer<typeof inboxSchema>;

/** A department's open asks, most urgent first, for its members. */
export const queueSchema = z.object({
  department: z.object({ id: z.string(), name: z.string() }),
  asks: z.array(askSchema),
  overdue: z.number().int(),
  dueToday: z.number().int(),
});
export type Queue = z.infer<typeof queueSchema>;

export const queuesSchema = z.object({ queues: z.array(queueSchema) });
export type Queues = z.infer<typeof queuesSchema>;

/** The cheap sync: nothing but the cursor when nothing changed since `after`. */
export const syncQuerySchema = z.object({ after: z.coerce.number().int().min(0).default(0) });
export const syncSchema = z.object({
  seq: z.number().int(),
  changed: z.boolean(),
  /** Asks waiting on me: to act on, to answer, or to rate. Present when changed. */
  waitingOnMe: z.number().int().optional(),
});
export type Sync = z.infer<typeof syncSchema>;
