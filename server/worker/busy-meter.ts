/**
 * How long the object's own code ran, by operation: for bench:sync only (the BENCH_OBJECT_TIMING variable), where
 * workerd's clock advances while code runs (on Cloudflare it does not, and the meter stays off). Synchronous work
 * only: the ledger's commands and the push fan-out are synchronous; the runtime's RPC (de)serialisation is not
 * in it.
 */
export function busyMeter(enabled: boolean) {
  const totals: Record<string, { calls: number; ms: number }> = {};
  return {
    enabled,
    time<T>(label: string, fn: () => T): T {
      if (!enabled) return fn();
      const start = performance.now();
      try {
        return fn();
      } finally {
        totals[label] ??= { calls: 0, ms: 0 };
        const t = totals[label];
        t.calls++;
        t.ms += performance.now() - start;
      }
    },
    totals: () => totals,
  };
}
