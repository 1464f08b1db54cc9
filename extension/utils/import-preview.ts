import { parseCsv } from '../../shared/csv.ts';

export interface PreviewRow {
  line: number;
  name: string;
  email: string;
  title: string;
  departments: string[];
  role: string;
}

export interface ImportPreview {
  total: number;
  rows: PreviewRow[];
  /** Required columns the header lacks: the server would refuse the whole file. */
  missing: string[];
}

/** The first rows of an HR export as the server will read them (departments split on `;`). */
export function importPreview(csv: string, limit = 20): ImportPreview {
  const { header, rows } = parseCsv(csv);
  return {
    total: rows.length,
    missing: header.length === 0 ? [] : ['name', 'email'].filter((c) => !header.includes(c)),
    rows: rows.slice(0, limit).map(({ line, values }) => ({
      line,
      name: values.name ?? '',
      email: values.email ?? '',
      title: values.title ?? '',
      departments: (values.departments ?? values.department ?? '')
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean),
      role: values.role || 'member',
    })),
  };
}

/** `line 5.email` → { line: 5, column: 'email' }; anything else is about the whole file. */
export function importIssue(key: string, message: string): { line: number | null; column: string; message: string } {
  const m = /^line (\d+)\.(.*)$/.exec(key);
  return m ? { line: Number(m[1]), column: m[2] || 'row', message } : { line: null, column: key, message };
}
