/** The years a caller may name: the ledger starts in 1970, and nobody plans past 2100. No zod here: the panel reads these. */
export const firstYear = 1970;
export const lastYear = 2100;
/** The same bounds for date inputs' min and max. */
export const firstDay = `${firstYear}-01-01`;
export const lastDay = `${lastYear}-12-31`;
