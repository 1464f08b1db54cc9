import { v7 as uuidv7 } from 'uuid';

/**
 * A new Idempotency-Key: a UUIDv7, the millisecond first. The ledger keeps every key in an index per
 * person; keys that sort by time land at its edge instead of on a random page of it.
 */
export const newIdempotencyKey = (): string => uuidv7();
