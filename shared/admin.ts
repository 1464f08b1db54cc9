import * as z from 'zod';
import { businessHoursSchema, personSchema, roleSchema, serviceStandardSchema } from './people.ts';
import { plainText, visibleText } from './text.ts';

const name = visibleText(100);
const title = plainText(100);

export const newPersonSchema = z.object({
  name,
  email: z.email('A valid email').max(200),
  title: title.default(''),
  role: roleSchema.default('member'),
  departmentIds: z.array(z.string().min(1).max(64)).max(20).default([]),
});
export type NewPerson = z.infer<typeof newPersonSchema>;

export const updatePersonSchema = z.object({
  name: name.optional(),
  title: title.optional(),
  role: roleSchema.optional(),
  departmentIds: z.array(z.string().min(1).max(64)).max(20).optional(),
  /** false deactivates: the person can no longer sign in, and every token of theirs stops working. */
  active: z.boolean().optional(),
});
export type UpdatePerson = z.infer<typeof updatePersonSchema>;

export const newDepartmentSchema = z.object({
  name,
  offers: z.array(visibleText(60)).max(12).default([]),
  standard: serviceStandardSchema.default({ firstResponseHours: 8, resolutionHours: 40 }),
  hours: businessHoursSchema.optional(),
});
export type NewDepartment = z.infer<typeof newDepartmentSchema>;

export const peopleQuerySchema = z.object({
  q: plainText(80).default(''),
  includeInactive: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const peopleSchema = z.object({ people: z.array(personSchema) });

export const invitationRequestSchema = z.object({
  personId: z.string().min(1).max(64),
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
});
export const invitationSchema = z.object({
  code: z.string(),
  /** A page the invitee opens: it shows the code and how to sign in. */
  link: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** One row of an HR system's export, after parsing. */
export const importRowSchema = z.object({
  name,
  email: z.email('A valid email').max(200),
  title: title.default(''),
  departments: z.array(name).max(20).default([]),
  role: roleSchema.default('member'),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importRequestSchema = z.object({
  csv: z
    .string()
    .min(1)
    .max(1024 * 1024),
  /** Deactivate every active person whose email is not in the file (never the admin importing), as PATCH active:false does. */
  deactivateMissing: z.boolean().default(false),
  /** Answer what the import would do, and change nothing: the preview an admin confirms. */
  dryRun: z.boolean().default(false),
});
export type ImportOptions = Pick<z.infer<typeof importRequestSchema>, 'deactivateMissing' | 'dryRun'>;

/** How many people an import shows by name among those it deactivates (the count is always exact). */
export const importNamesShown = 20;

export const importResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  departmentsCreated: z.number().int(),
  deactivated: z.number().int(),
  /** The first of them by name (up to 20), to say who before an admin confirms. */
  deactivatedPeople: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
});
export type ImportResult = z.infer<typeof importResultSchema>;
