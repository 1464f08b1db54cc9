import * as z from 'zod';
import { companyValueSchema, departmentSchema, personSchema } from './people.ts';

/** A sign-in code carries its organisation: `<orgId>.<secret>`. */
export const signInSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,40}\.[A-Za-z0-9-]{6,64}$/, 'A sign-in code looks like demo.ABCD-EFGH'),
  label: z.string().trim().max(80).default('Browser extension'),
});
export type SignIn = z.infer<typeof signInSchema>;

export const meSchema = z.object({
  org: z.object({ id: z.string(), name: z.string() }),
  person: personSchema,
  departments: z.array(departmentSchema),
  values: z.array(companyValueSchema),
  /** My choices: leave me off recognition boards (my thanks still reach me). */
  preferences: z.object({ boardOptOut: z.boolean() }),
});
export type Me = z.infer<typeof meSchema>;

export const updateMeSchema = z.object({ boardOptOut: z.boolean() });
export type UpdateMe = z.infer<typeof updateMeSchema>;

export const sessionSchema = meSchema.extend({ token: z.string() });
export type Session = z.infer<typeof sessionSchema>;

/** Bearer tokens carry their organisation so the Worker can route before any lookup. */
export function orgOfCredential(credential: string): string | null {
  const m = /^(?:tdm_)?([a-z0-9-]{1,40})[._]/.exec(credential);
  return m ? m[1] : null;
}

/** A signed-in browser or client: the token itself is never shown again. */
export const tokenInfoSchema = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  /** The token this request was made with. */
  current: z.boolean(),
});
export type TokenInfo = z.infer<typeof tokenInfoSchema>;
export const tokensSchema = z.object({ tokens: z.array(tokenInfoSchema) });
