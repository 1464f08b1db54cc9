import * as z from 'zod';
import { calendarDay } from './dates.ts';

export const digestQuerySchema = z.object({
  /** json (default), or a rendering fit for email (html) or a chat webhook (text). */
  format: z.enum(['json', 'text', 'html']).default('json'),
  /** Any day after the wanted week: the digest covers the last full ISO week before it (default: today). */
  at: calendarDay().optional(),
});
export type DigestQuery = z.infer<typeof digestQuerySchema>;

const departmentLine = z.object({
  name: z.string(),
  received: z.number().int(),
  resolved: z.number().int(),
  withinStandard: z.number().nullable(),
  resolutionMedianMs: z.number().nullable(),
  backlog: z.number().int(),
  overdue: z.number().int(),
  rating: z.number().nullable(),
});

/** A manager's week: what to celebrate and what needs attention. */
export const digestSchema = z.object({
  organisation: z.string(),
  manager: z.string(),
  week: z.string(),
  from: z.string(),
  to: z.string(),
  totals: z.object({
    thanks: z.number().int(),
    asksReceived: z.number().int(),
    asksResolved: z.number().int(),
    withinStandard: z.number().nullable(),
    overdueNow: z.number().int(),
  }),
  topPeople: z.array(z.object({ name: z.string(), received: z.number().int(), distinctGivers: z.number().int() })),
  topDepartments: z.array(
    z.object({ name: z.string(), received: z.number().int(), perHundredServed: z.number().nullable() }),
  ),
  unsung: z.array(z.object({ name: z.string(), asksServed: z.number().int(), thanks: z.number().int() })),
  departments: z.array(departmentLine),
});
export type Digest = z.infer<typeof digestSchema>;
