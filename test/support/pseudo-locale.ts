import { mkdirSync, writeFileSync } from 'node:fs';
import { parseMessagesFile } from '@wxt-dev/i18n/build';

/*
 * Writes the pseudo-locale (.wxt/pseudo-locales/en.json) that `npm run build:pseudo` builds the extension
 * with: every English message accented and about 40% longer, as translations run, with its substitutions
 * ($1, $name$) and plural bars kept. A word shown in plain English in that build is missing from the
 * catalogue; one cut off is a layout that will not survive German.
 */
const accents: Record<string, string> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ö',
  u: 'ü',
  c: 'ç',
  n: 'ñ',
  s: 'š',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  E: 'É',
  I: 'Î',
  O: 'Ø',
  U: 'Ü',
  C: 'Ç',
  N: 'Ñ',
  S: 'Š',
  Y: 'Ý',
  Z: 'Ž',
};
// What must survive as it is: substitutions, placeholders, the plural separator.
const kept = /(\$\d|\$[\w@]+\$|\$\$| \| )/;

export function pseudo(message: string): string {
  return message
    .split(' | ')
    .map((form) => {
      const text = form
        .split(kept)
        .map((part, i) => (i % 2 ? part : part.replace(/[a-zA-Z]/g, (ch) => accents[ch] ?? ch)))
        .join('');
      const letters = form.replace(kept, '').length;
      // The extra length comes as words of up to six dots: translations are longer, not unbreakable.
      const extra = letters > 3 ? ` ${'·'.repeat(Math.ceil(letters * 0.4)).replace(/(·{6})(?=·)/g, '$1 ')}` : '';
      return `[${text}${extra}]`;
    })
    .join(' | ');
}

/** The catalogue again, nested as en.yml is, so the build's generated key types stay the same. */
const nested: Record<string, unknown> = {};
for (const m of await parseMessagesFile('extension/locales/en.yml')) {
  const parent = m.key.slice(0, -1).reduce<Record<string, unknown>>((o, k) => {
    o[k] ??= {};
    return o[k] as Record<string, unknown>;
  }, nested);
  const last = m.key.at(-1)!;
  // The manifest's description and command names stay readable in the browser's own UI.
  const shown = m.key[0] === 'manifest' ? (text: string) => text : pseudo;
  if (m.type === 'plural') parent[last] = Object.fromEntries(Object.entries(m.plurals).map(([n, t]) => [n, shown(t)]));
  else if (m.type === 'chrome') parent[last] = { message: shown(m.message), placeholders: m.placeholders };
  else parent[last] = shown(m.message);
}
mkdirSync('.wxt/pseudo-locales', { recursive: true });
writeFileSync('.wxt/pseudo-locales/en.json', JSON.stringify(nested, null, 2));
