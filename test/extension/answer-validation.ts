import { validateBody } from '../../extension/entrypoints/background/validate.ts';
import type { Checked, SchemaName } from '../../extension/utils/validation.ts';

/**
 * utils/validation.ts as the background answers it, in the test's own process: a test file swaps it in with
 * `vi.mock('…/extension/utils/validation.ts', () => import('…/answer-validation.ts'))`, so the outbox
 * messages a test watches stay the only ones it sees.
 */
export const validate = async <T = unknown>(schema: SchemaName, body: unknown) =>
  validateBody(schema, body) as Checked<T>;
