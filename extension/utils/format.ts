// Numbers and lists in the browser's locale ("1,200"; "Payroll, IT"), for every page, to substitute into messages.
const number = new Intl.NumberFormat();
const units = new Intl.ListFormat(undefined, { type: 'unit', style: 'short' });
const conjunction = new Intl.ListFormat(undefined, { type: 'conjunction' });

export const num = (n: number) => number.format(n);
/** Names side by side, as a list of values: "Payroll, IT". */
export const listOf = (items: readonly string[]) => units.format(items);
/** Names joined as a sentence does: "“name” and “email”". */
export const andList = (items: readonly string[]) => conjunction.format(items);
