import * as z from 'zod';
import { limits } from './limits.ts';

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

export const serviceStandardSchema = z.object({
  firstResponseHours: z.number().int().positive(),
  resolutionHours: z.number().int().positive(),
});
export type ServiceStandard = z.infer<typeof serviceStandardSchema>;

export const departmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** A short catalogue of what the department offers. */
  offers: z.array(z.string()),
  standard: serviceStandardSchema,
  memberCount: z.number().int(),
});
export type Department = z.infer<typeof departmentSchema>;

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
  q: z.string().trim().max(limits.searchQuery).default(''),
  limit: z.coerce.number().int().min(1).max(limits.pageSize).default(12),
});
export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;

export const directoryResponseSchema = z.object({ entries: z.array(directoryEntrySchema) });
export type DirectoryResponse = z.infer<typeof directoryResponseSchema>;

export const companyValueSchema = z.object({ id: z.string(), name: z.string() });
export type CompanyValue = z.infer<typeof companyValueSchema>;
