import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing';

// The browser's i18n.getMessage over the real English catalogue, as the build writes it to
// _locales/en/messages.json: components under test show the words people see.
const messages = generateChromeMessages(await parseMessagesFile('extension/locales/en.yml'));

/** Chrome's rules: $name$ is a named placeholder's content, $1–$9 a substitution, $$ a dollar sign. */
function getMessage(name: string, substitutions?: string | string[]): string {
  const found = messages[name];
  if (!found) return '';
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  const named = (text: string) =>
    text.replace(/\$([\w@]+)\$/g, (_, key: string) => found.placeholders?.[key.toLowerCase()]?.content ?? '');
  return named(found.message)
    .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '')
    .replaceAll('$$', '$');
}

fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
