import * as z from 'zod';
import { clockTimeSchema, timeZoneSchema } from './clock.ts';
import { limits } from './limits.ts';
import { plainText, visibleText } from './text.ts';

export const roleSchema = z.enum(['member', 'manager', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  title: z.string(),
  role: roleSchema,
  active: z.boolean(),
  departmentIds: z.array(z.string()),
});
export type Person = z.infer<typeof personSchema>;

/** Targets in business hours: to first response, and to resolution. */
export const serviceStandardSchema = z.object({
  firstResponseHours: z.number().int().positive().max(2000),
  resolutionHours: z.number().int().positive().max(10000),
});
export type ServiceStandard = z.infer<typeof serviceStandardSchema>;

/** When a department works: the standard's clock runs only then. */
export const businessHoursSchema = z
  .object({
    timeZone: timeZoneSchema,
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    start: clockTimeSchema,
    end: clockTimeSchema,
  })
  .refine((h) => h.start < h.end, { message: 'Ends before it starts', path: ['end'] });
export type BusinessHours = z.infer<typeof businessHoursSchema>;

export const defaultBusinessHours: BusinessHours = {
  timeZone: 'UTC',
  days: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '17:00',
};

export const departmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** A short catalogue of what the department offers. */
  offers: z.array(z.string()),
  standard: serviceStandardSchema,
  hours: businessHoursSchema,
  memberCount: z.number().int(),
});
export type Department = z.infer<typeof departmentSchema>;

/** What an admin may change about a department's service. */
export const updateDepartmentSchema = z.object({
  offers: z.array(visibleText(60)).max(12).optional(),
  standard: serviceStandardSchema.optional(),
  hours: businessHoursSchema.optional(),
});
export type UpdateDepartment = z.infer<typeof updateDepartmentSchema>;

export const recipientKindSchema = z.enum(['person', 'department']);
export type RecipientKind = z.infer<typeof recipientKindSchema>;

/** A reference to whoever an ask or a thank-you is for. */
export const recipientRefSchema = z.object({
  kind: recipientKindSchema,
  id: z.string().min(1).max(64),
});
export type RecipientRef = z.infer<typeof recipientRefSchema>;

/** One row of the recipient picker. */
export const directoryEntrySchema = z.object({
  kind: recipientKindSchema,
  id: z.string(),
  name: z.string(),
  /** Title for a person, what it offers for a department. */
  detail: z.string(),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

export const directoryQuerySchema = z.object({
  q: plainText(limits.searchQuery).default(''),
  limit: z.coerce.number().int().min(1).max(limits.pageSize).default(12),
});
export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;

export const directoryResponseSchema = z.object({ entries: z.array(directoryEntrySchema) });
export type DirectoryResponse = z.infer<typeof directoryResponseSchema>;

export const companyValueSchema = z.object({ id: z.string(), name: z.string() });
export type CompanyValue = z.infer<typeof companyValueSchema>;
