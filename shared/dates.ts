import * as z from 'zod';
import { firstDay, firstYear, lastDay, lastYear } from './day-bounds.ts';

export { firstDay, firstYear, lastDay, lastYear };

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
