import * as z from 'zod';
import { limits } from './limits.ts';
import { recipientRefSchema } from './people.ts';
import { visibleText } from './text.ts';

export const visibilitySchema = z.enum(['public', 'private']);
export type Visibility = z.infer<typeof visibilitySchema>;

export const createThankSchema = z.object({
  to: z
    .array(recipientRefSchema)
    .min(1, 'Choose who to thank')
    .max(limits.recipientsPerThank)
    .refine((to) => new Set(to.map((r) => `${r.kind}:${r.id}`)).size === to.length, 'Each recipient once'),
  message: visibleText(limits.thankMessage, 'Say what you are thankful for'),
  values: z.array(z.string().min(1).max(64)).max(limits.valuesPerThank).default([]),
  askId: z.string().min(1).max(64).optional(),
  visibility: visibilitySchema.default('public'),
});
export type CreateThank = z.infer<typeof createThankSchema>;

export const thankSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  from: z.object({ id: z.string(), name: z.string() }),
  to: z.array(recipientRefSchema.extend({ name: z.string() })),
  message: z.string(),
  /** Its values' names (as they are called now; retired ones included). */
  values: z.array(z.string()),
  askId: z.string().nullable(),
  visibility: visibilitySchema,
  createdAt: z.string(),
});
export type Thank = z.infer<typeof thankSchema>;
