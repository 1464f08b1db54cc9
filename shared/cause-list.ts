/**
 * The causes of a broken hand-off, as data alone (causes.ts has their schemas): what the panel's chooser and the
 * managers' page import, so the chooser loads without zod.
 */
export const causes = [
  'information_missing',
  'unclear_owner',
  'tools_or_access',
  'waiting_on_team',
  'capacity',
  'other',
] as const;
export type Cause = (typeof causes)[number];
