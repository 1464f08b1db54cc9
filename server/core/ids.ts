/**
 * Ids that sort by creation: 11 hex digits of milliseconds, then 9 of randomness (20 in all, as
 * before). New rows then land at the right edge of each B-tree keyed by an id (thanks, asks, their
 * recipients and events' subjects) instead of on a random page, so a batch of commands dirties a
 * few pages, not one per row per index: less to write to the WAL and to checkpoint.
 * They tell when a row was made, which every answer says already (createdAt); not who or what.
 *
 * Strictly increasing within one ledger, as ULID's monotonic mode: in the same millisecond (or if the
 * clock steps back) the random part counts up from the last id, so one writer never repeats an id.
 */
export function timeOrderedIds(clock: () => number = Date.now) {
  const randomSpan = 2 ** 36;
  let lastMs = 0;
  let lastRandom = 0;
  return (prefix: string): string => {
    const ms = clock();
    if (ms > lastMs) {
      lastMs = ms;
      lastRandom = Math.floor(Math.random() * randomSpan);
    } else if (++lastRandom >= randomSpan) {
      lastMs++;
      lastRandom = 0;
    }
    return `${prefix}_${lastMs.toString(16).padStart(11, '0')}${lastRandom.toString(16).padStart(9, '0')}`;
  };
}
