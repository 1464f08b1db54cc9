import { duration as inUnits, type UnitPair, type UnitText } from '../../shared/format.ts';

const formats = new Map<string, Intl.NumberFormat>();

/** "3h", "20m" in English, "3 Std." in German: the reader's locale's narrow units. */
export const localUnits: UnitText = (n, unit) => {
  let format = formats.get(unit);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'unit', unit, unitDisplay: 'narrow' });
    formats.set(unit, format);
  }
  return format.format(n);
};

/** Two units side by side ("3h 20m") as the reader's locale joins the parts of a measure. */
const parts = new Intl.ListFormat(undefined, { type: 'unit', style: 'narrow' });
export const localPair: UnitPair = (big, small) => parts.format([big, small]);

/** A duration the way people say it, in at most two units of the reader's locale: 45m, 3h 20m, 2d 4h. */
export const duration = (ms: number) => inUnits(ms, localUnits, localPair);
