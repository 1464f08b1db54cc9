import * as z from 'zod';
import { limits } from '../../shared/limits.ts';

/** Every create carries an Idempotency-Key, made by the client when the user composes. */
export const idempotencyHeaderSchema = z.object({
  'idempotency-key': z
    .string({ error: 'Idempotency-Key header is required' })
    .regex(/^[A-Za-z0-9_.:-]{8,}$/, 'Use 8 or more letters, digits, - _ . or :')
    .max(limits.idempotencyKey),
});
