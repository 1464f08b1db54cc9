import * as z from 'zod';
import { askSchema } from './asks.ts';
import { thankSchema } from './thanks.ts';

export const inboxSchema = z.object({
  /** Asks I sent, newest first. */
  sent: z.array(askSchema),
  /** Asks to me or to one of my departments, newest first. */
  forMe: z.array(askSchema),
  /** Thank-yous to me or to one of my departments, newest first. */
  thanks: z.array(thankSchema),
  /** The organisation's event sequence when this was read: the sync cursor. */
  seq: z.number().int(),
});
export type Inbox = z.infer<typeof inboxSchema>;
