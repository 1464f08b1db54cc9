import { expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv.ts';

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
