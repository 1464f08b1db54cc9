import type { RecipientRef } from './people.ts';

/** No thanking yourself: checked in the composer for early feedback and by the ledger for real. */
export function thanksSelf(senderId: string, to: readonly RecipientRef[]): boolean {
  return to.some((r) => r.kind === 'person' && r.id === senderId);
}
