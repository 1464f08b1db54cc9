import { mkdirSync, writeFileSync } from 'node:fs';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

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
      return `[${text}${letters > 3 ? ` ${'·'.repeat(Math.ceil(letters * 0.4))}` : ''}]`;
    })
    .join(' | ');
}

const messages = generateChromeMessages(await parseMessagesFile('extension/locales/en.yml'));
for (const [key, m] of Object.entries(messages)) {
  // The manifest's name and command descriptions stay readable in the browser's own UI.
  if (!key.startsWith('manifest_') && !key.startsWith('@@')) m.message = pseudo(m.message);
}
mkdirSync('.wxt/pseudo-locales', { recursive: true });
writeFileSync('.wxt/pseudo-locales/en.json', JSON.stringify(messages, null, 2));
