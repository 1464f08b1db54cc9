/**
 * `next`, with each item of its lists (`forMe: Ask[]`, …) that equals its namesake (by `id`) in `prev`
 * replaced by `prev`'s own object: a list refreshed from the server keeps the objects of the rows that
 * did not change, so memoized rows skip their render. Plain JSON data only.
 */
export function reuseUnchanged<T>(prev: T | null, next: T): T {
  if (!prev || typeof next !== 'object') return next;
  const out = { ...next } as Record<string, unknown>;
  for (const [k, list] of Object.entries(out)) {
    const before = (prev as Record<string, unknown>)[k];
    if (!Array.isArray(list) || !Array.isArray(before)) continue;
    const byId = new Map(before.map((p: { id?: unknown }) => [p?.id, p]));
    out[k] = list.map((n: { id?: unknown }) => {
      const p = byId.get(n?.id);
      return p !== undefined && JSON.stringify(p) === JSON.stringify(n) ? p : n;
    });
  }
  return out as T;
}
