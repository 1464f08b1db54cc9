import { expect, it } from 'vitest';
import { newIdempotencyKey } from '../../extension/utils/idempotency-key.ts';
import { idempotencyHeaderSchema } from '../../server/http/idempotency.ts';

it('makes keys the server accepts, each new one sorting after the last (so its index grows at the edge)', () => {
  const keys = Array.from({ length: 1000 }, newIdempotencyKey);
  for (const key of keys) expect(idempotencyHeaderSchema.safeParse({ 'idempotency-key': key }).success).toBe(true);
  expect(new Set(keys).size).toBe(keys.length);
  expect([...keys].sort()).toEqual(keys);
});
