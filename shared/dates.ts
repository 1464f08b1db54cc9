import * as z from 'zod';

/** The years a caller may name: the ledger starts in 1970, and nobody plans past 2100. */
export const firstYear = 1970;
export const lastYear = 2100;
/** The same bounds for date inputs' min and max. */
export const firstDay = `${firstYear}-01-01`;
export const lastDay = `${lastYear}-12-31`;

/**
 * A calendar day as YYYY-MM-DD between 1970 and 2100. The format alone lets in `0050-06-15`, which
 * JavaScript's Date reads as 1950 (`Date.UTC` maps years 0–99 to 1900–1999), and years no view can
 * hold; z.iso.date already refuses days off the calendar (2026-02-30).
 */
export const calendarDay = () =>
  z.iso.date('A day as YYYY-MM-DD').refine((day) => {
    const year = Number(day.slice(0, 4));
    return year >= firstYear && year <= lastYear;
  }, `A day between ${firstYear} and ${lastYear}`);
