import { createAskSchema, rateSchema, replySchema, transitionSchema } from '../../../shared/asks.ts';
import { signInSchema } from '../../../shared/session.ts';
import { createThankSchema } from '../../../shared/thanks.ts';
import type { Checked, SchemaName } from '../../utils/validation.ts';

const schemas = {
  signIn: signInSchema,
  ask: createAskSchema,
  thank: createThankSchema,
  rate: rateSchema,
  reply: replySchema,
  transition: transitionSchema,
} satisfies Record<SchemaName, unknown>;

/** Checks a panel form's values against the same schema the server uses: field path → first message. */
export function validateBody(schema: SchemaName, body: unknown): Checked {
  const parsed = schemas[schema].safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.map(String).join('.')] ??= issue.message;
  return { ok: false, fields };
}
