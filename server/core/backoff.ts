/*
 * Retries of a failed delivery: exponential backoff with full jitter (AWS's "full jitter": a delay drawn
 * uniformly from zero to the exponential step), and a delivery gives up only once it has been tried at
 * least `maxAttempts` times AND for at least a day, so the span is at least 24 hours whatever the draws.
 */
export const backoff = {
  baseMs: 30_000,
  capMs: 6 * 3_600_000,
  /** Never sooner than this after a failure, so a receiver is not hammered by a draw near zero. */
  floorMs: 1_000,
  maxAttempts: 10,
  spanMs: 24 * 3_600_000,
  /** A claimed delivery not answered by then (the sender crashed) is due again. */
  leaseMs: 60_000,
  /** An endpoint failing this many times in a row, for at least `spanMs`, is paused. */
  pauseAfterFailures: 10,
} as const;

/** The step for the n-th failure (1-based): 30 s, 1 m, 2 m, 4 m … capped at 6 h. */
export const backoffStepMs = (failures: number) =>
  Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, failures - 1));

/** The wait after the n-th failure: uniform in [floor, step]. */
export const backoffDelayMs = (failures: number, random: () => number = Math.random) =>
  Math.max(backoff.floorMs, Math.floor(random() * backoffStepMs(failures)));

/** Whether a delivery tried `attempts` times since `seriesAt` is given up. */
export const givenUp = (attempts: number, seriesAt: string, now: Date) =>
  attempts >= backoff.maxAttempts && now.getTime() - Date.parse(seriesAt) >= backoff.spanMs;
