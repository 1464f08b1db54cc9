import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacHex } from '../../server/core/hmac.ts';

describe('the ledger’s synchronous HMAC-SHA-256 (pulse markers)', () => {
  it('equals node:crypto for short, block-sized, long and non-ASCII keys and messages', () => {
    const keys = ['', 'k', 'a'.repeat(64), 'b'.repeat(65), 'clé secrète', 'x'.repeat(300)];
    const messages = ['', 'p1:d1:person', 'é'.repeat(55), 'm'.repeat(56), 'm'.repeat(64), 'z'.repeat(1000)];
    for (const key of keys) {
      for (const message of messages) {
        expect(hmacHex(key, message), `${key.length}/${message.length}`).toBe(
          createHmac('sha256', key).update(message).digest('hex'),
        );
      }
    }
  });
});
