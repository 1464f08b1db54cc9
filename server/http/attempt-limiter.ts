/**
 * Counts failed attempts per key in a fixed window, in memory: enough to make guessing sign-in codes
 * slow (a code has 40 bits). On the Worker each isolate counts for itself, so the limit is per isolate.
 */
export function attemptLimiter(maxFailures: number, windowMs: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; failures: number }>();
  const current = (key: string) => {
    const t = now();
    let w = windows.get(key);
    if (!w || t - w.start >= windowMs) {
      w = { start: t, failures: 0 };
      windows.set(key, w);
      if (windows.size > 10_000) windows.delete(windows.keys().next().value as string);
    }
    return w;
  };
  return {
    /** Seconds until the key may try again, or 0 when it may try now. */
    blockedFor(key: string): number {
      const w = current(key);
      return w.failures >= maxFailures ? Math.ceil((w.start + windowMs - now()) / 1000) : 0;
    },
    fail(key: string): void {
      current(key).failures++;
    },
  };
}
