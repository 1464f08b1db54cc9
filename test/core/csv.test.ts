import { expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../shared/csv.ts';

it('reads quoted fields, doubled quotes, CRLF, a byte-order mark and blank lines', () => {
  const text =
    '\uFEFFName,Email,Title\r\n"Okafor, Maya",maya@x.example,"The ""Boss"""\r\n\r\nTom,tom@x.example,\n"Multi\nline",m@x.example,x';
  const { header, rows } = parseCsv(text);
  expect(header).toEqual(['name', 'email', 'title']);
  expect(rows).toEqual([
    { line: 2, values: { name: 'Okafor, Maya', email: 'maya@x.example', title: 'The "Boss"' } },
    { line: 4, values: { name: 'Tom', email: 'tom@x.example', title: '' } },
    { line: 5, values: { name: 'Multi\nline', email: 'm@x.example', title: 'x' } },
  ]);
});

it('writes CSV that reads back the same, and never hands a spreadsheet a formula', () => {
  const csv = toCsv(
    ['Name', 'Thanks', 'Note'],
    [
      ['Okafor, Maya', 3, 'said "thanks"'],
      ['=HYPERLINK("http://evil")', 1, null],
      ['Multi\nline', 0, '-2'],
    ],
  );
  expect(csv.split('\r\n')[0]).toBe('Name,Thanks,Note');
  expect(parseCsv(csv).rows.map((r) => r.values)).toEqual([
    { name: 'Okafor, Maya', thanks: '3', note: 'said "thanks"' },
    { name: `'=HYPERLINK("http://evil")`, thanks: '1', note: '' },
    { name: 'Multi\nline', thanks: '0', note: "'-2" },
  ]);
});
