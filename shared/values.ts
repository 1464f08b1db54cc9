import * as z from 'zod';
import { companyValueSchema } from './people.ts';
import { visibleText } from './text.ts';

/** What an organisation's values may be: few enough to choose from in a side panel, short enough for a chip. */
export const valueLimits = { active: 12, name: 40 } as const;

const name = visibleText(valueLimits.name, 'Name the value');
const valueId = z.string().min(1).max(64);

/**
 * How two names are told apart: not by case, accents or repeated spaces ("Équipe" is "equipe"), so an
 * organisation cannot hold two values a person would read as one.
 */
export const valueNameKey = (text: string) =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');

/** A value as admins and managers see it: retired ones stay on old thank-yous and in reports. */
export const valueItemSchema = companyValueSchema.extend({ retired: z.boolean() });
export type ValueItem = z.infer<typeof valueItemSchema>;

/** Active values in the admin's order, then (on request) the retired ones. */
export const valuesSchema = z.object({ values: z.array(valueItemSchema) });
export type Values = z.infer<typeof valuesSchema>;

export const valuesQuerySchema = z.object({
  /** 1: retired values too (admins and managers). */
  all: z.enum(['0', '1']).default('0'),
});

export const newValueSchema = z.object({ name });
export type NewValue = z.infer<typeof newValueSchema>;

/** One change at a time: a rename, or retiring (true) or restoring (false) the value. */
export const updateValueSchema = z
  .object({ name: name.optional(), retired: z.boolean().optional() })
  .refine((v) => (v.name === undefined) !== (v.retired === undefined), {
    message: 'Send a new name or retired, one at a time',
    path: ['name'],
  });
export type UpdateValue = z.infer<typeof updateValueSchema>;

/** Every active value's id, once each, in the order people should see them. */
export const valueOrderSchema = z.object({
  ids: z
    .array(valueId)
    .max(valueLimits.active)
    .refine((ids) => new Set(ids).size === ids.length, 'Each value once'),
});
export type ValueOrder = z.infer<typeof valueOrderSchema>;
