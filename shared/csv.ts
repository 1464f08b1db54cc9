/**
 * Parses CSV as HR systems export it (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into
 * records keyed by the header row's lower-cased names. Blank lines are skipped.
 */
export function parseCsv(text: string): { header: string[]; rows: { line: number; values: Record<string, string> }[] } {
  const records: { line: number; fields: string[] }[] = [];
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += ch;
  }
  endRecord();
  const [head, ...body] = records;
  const header = (head?.fields ?? []).map((h) => h.trim().toLowerCase());
  return {
    header,
    rows: body.map((r) => ({
      line: r.line,
      values: Object.fromEntries(header.map((h, i) => [h, (r.fields[i] ?? '').trim()])),
    })),
  };
}

/**
 * Writes rows as CSV (RFC 4180, CRLF) with a header. A cell a spreadsheet would run as a formula
 * (=, +, -, @ first) is prefixed with an apostrophe: names come from people.
 */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    let s = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
