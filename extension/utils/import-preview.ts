import { importRowSchema } from '../../shared/admin.ts';
import { parseCsv } from '../../shared/csv.ts';

export interface PreviewRow {
  line: number;
  name: string;
  email: string;
  title: string;
  departments: string[];
  role: string;
  /** What the server would refuse in this row, by column (`email`, `departments`). */
  problems: Record<string, string>;
}

/** One refused cell, as the server names it (`line 5.email`). */
export interface RowProblem {
  line: number;
  column: string;
  message: string;
}

export interface ImportPreview {
  total: number;
  rows: PreviewRow[];
  /** Required columns the header lacks: the server would refuse the whole file. */
  missing: string[];
  /** Every refused cell in the file, in line order (the server refuses the file if there is one). */
  problems: RowProblem[];
  /** How many rows have at least one problem. */
  invalid: number;
}

/**
 * The first rows of an HR export as the server will read them (departments split on `;`), and each
 * row's problems checked with the schema the server uses, so they show before anything is sent.
 */
export function importPreview(csv: string, limit = 20): ImportPreview {
  const { header, rows } = parseCsv(csv);
  const problems: RowProblem[] = [];
  const checked = rows.map(({ line, values }) => {
    const row = {
      line,
      name: values.name ?? '',
      email: values.email ?? '',
      title: values.title ?? '',
      departments: (values.departments ?? values.department ?? '')
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean),
      role: values.role || 'member',
      problems: {} as Record<string, string>,
    };
    const result = importRowSchema.safeParse({
      name: values.name,
      email: values.email,
      title: row.title,
      departments: row.departments,
      role: values.role || undefined,
    });
    for (const issue of result.error?.issues ?? []) {
      const column = issue.path.join('.') || 'row';
      if (problems.some((p) => p.line === line && p.column === column)) continue;
      problems.push({ line, column, message: issue.message });
      row.problems[String(issue.path[0] ?? 'row')] ??= issue.message;
    }
    return row;
  });
  return {
    total: rows.length,
    missing: header.length === 0 ? [] : ['name', 'email'].filter((c) => !header.includes(c)),
    rows: checked.slice(0, limit),
    problems,
    invalid: checked.filter((r) => Object.keys(r.problems).length > 0).length,
  };
}

/** `line 5.email` → { line: 5, column: 'email' }; anything else is about the whole file. */
export function importIssue(key: string, message: string): { line: number | null; column: string; message: string } {
  const m = /^line (\d+)\.(.*)$/.exec(key);
  return m ? { line: Number(m[1]), column: m[2] || 'row', message } : { line: null, column: key, message };
}
