import * as z from 'zod';
import { type Cause, causes } from './cause-list.ts';

/**
 * Causes, not culprits: what got in the way when a hand-off broke. Categories only; never a person, and no
 * free text, so nothing typed here can name anyone (the decline's reason and the rating's comment already
 * carry words, for the people of that ask; causes are counted for process work across departments).
 */
export { type Cause, causes };
export const causeSchema = z.enum(causes, { error: `One of: ${causes.join(', ')}` });

/**
 * The steps a cause may follow: a reopen, a forward back to a department that had the ask (a bounce), a
 * decline, a rating of 2 or less. Each is the person's own step.
 */
export const causeStepSchema = z.enum(['reopened', 'bounced', 'declined', 'rated_low']);
export type CauseStep = z.infer<typeof causeStepSchema>;

/**
 * `POST /v1/asks/:id/cause`: a command of its own, recorded against the caller's latest such step on the ask,
 * rather than an optional field on reopen/forward/decline/rate. The tap comes after the action, as an optional
 * second step the panel may show or the person skip; each command stays one event, and the step's own commands
 * keep their bodies. Strict: an extra field (a name, a note) is refused, not dropped.
 */
export const noteCauseSchema = z.strictObject({ cause: causeSchema });
export type NoteCause = z.infer<typeof noteCauseSchema>;

export const askCauseSchema = z.object({
  askId: z.string(),
  step: causeStepSchema,
  cause: causeSchema,
});
export type AskCause = z.infer<typeof askCauseSchema>;

/** A department pair's causes in a period: requester's department → serving department, as the hand-off map. */
export const handoffCausesSchema = z.object({
  from: z.string(),
  to: z.string(),
  counts: z.record(causeSchema, z.number().int()),
  total: z.number().int(),
});
export type HandoffCauses = z.infer<typeof handoffCausesSchema>;
