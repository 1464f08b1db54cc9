const minute = 60_000;

/** A duration the way people say it: 45m, 3h 20m, 2d 4h, 12d. */
export function duration(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / minute));
  if (minutes < 60) return `${minutes}m`;
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m && h < 10 ? `${h}h ${m}m` : `${h}h`;
  }
  const hours = Math.round(minutes / 60);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h && d < 7 ? `${d}d ${h}h` : `${d}d`;
}

/** A share (0..1) as a whole percentage, or a dash when there is none. */
export const pct = (share: number | null | undefined) => (share == null ? '—' : `${Math.round(share * 100)}%`);

/** A duration, or a dash when there is none. */
export const time = (ms: number | null | undefined) => (ms == null ? '—' : duration(ms));
