const minute = 60_000;

/** A number of a unit as people read it: "3h" by default; the extension passes the reader's locale's. */
export type UnitText = (n: number, unit: 'day' | 'hour' | 'minute' | 'second') => string;
const letters: UnitText = (n, unit) => `${n}${unit[0]}`;

/** Two units side by side ("12h 25m"); the extension passes its locale's way of joining them. */
export type UnitPair = (big: string, small: string) => string;
const spaced: UnitPair = (big, small) => `${big} ${small}`;

/** A duration the way people say it: 45m, 3h 20m, 2d 4h, 12d. */
export function duration(ms: number, unit: UnitText = letters, pair: UnitPair = spaced): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / minute));
  if (minutes < 60) return unit(minutes, 'minute');
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m && h < 10 ? pair(unit(h, 'hour'), unit(m, 'minute')) : unit(h, 'hour');
  }
  const hours = Math.round(minutes / 60);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h && d < 7 ? pair(unit(d, 'day'), unit(h, 'hour')) : unit(d, 'day');
}

/** A share (0..1) as a whole percentage, or a dash when there is none. */
export const pct = (share: number | null | undefined) => (share == null ? '—' : `${Math.round(share * 100)}%`);

const measureUnits = [
  ['day', 24 * 60 * minute],
  ['hour', 60 * minute],
  ['minute', minute],
  ['second', 1_000],
] as const;

/**
 * A measured duration, where people compare them (the managers' page, the digest): always its two
 * largest units, to the second under a minute (45s, 12m 30s, 12h 25m, 8d 3h), so times that differ
 * by more than a rounding of the smaller unit read differently.
 */
export function measured(ms: number, unit: UnitText = letters, pair: UnitPair = spaced): string {
  const abs = Math.abs(ms);
  for (let i = 0; i < measureUnits.length - 1; i++) {
    const [big, bigMs] = measureUnits[i];
    const [small, smallMs] = measureUnits[i + 1];
    const n = Math.round(abs / smallMs);
    if (n * smallMs < bigMs) continue;
    const whole = Math.floor((n * smallMs) / bigMs);
    const rest = n - (whole * bigMs) / smallMs;
    return rest ? pair(unit(whole, big), unit(rest, small)) : unit(whole, big);
  }
  return unit(Math.round(abs / 1_000), 'second');
}

/** A measured duration, or a dash when there is none. */
export const time = (ms: number | null | undefined) => (ms == null ? '—' : measured(ms));
