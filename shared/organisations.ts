import * as z from 'zod';
import { visibleText } from './text.ts';

/** An organisation's id: what sign-in codes and tokens carry, and the Durable Object's name. */
export const orgIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/, 'Lowercase letters, digits and -');

/** An organisation from nothing: its name and its first admin, who gets a one-time invitation. */
export const newOrganisationSchema = z.object({
  name: visibleText(100, 'Name the organisation'),
  admin: z.object({
    name: visibleText(100, 'Name the first admin'),
    email: z.email('A valid email').max(200),
  }),
});
export type NewOrganisation = z.infer<typeof newOrganisationSchema>;

export const createdOrganisationSchema = z.object({
  /** Made from the name: lowercase letters, digits and `-`, with a number added when taken. */
  orgId: z.string(),
  name: z.string(),
  admin: z.object({
    personId: z.string(),
    /** The admin's one-time sign-in code, as an invitation's. */
    code: z.string(),
    /** The page that shows the code and how to sign in (the code travels in the fragment). */
    joinUrl: z.string(),
    expiresAt: z.string(),
  }),
});
export type CreatedOrganisation = z.infer<typeof createdOrganisationSchema>;
