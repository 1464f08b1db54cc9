import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { chromeId, chromeKey, geckoId } from '../../extension/utils/extension-ids.ts';

/** Chrome's rule: the SHA-256 of the public key (DER), its first 32 hex digits written with the letters a–p. */
const idOfKey = (base64: string) =>
  [...createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex').slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16)))
    .join('');

it('the manifest key gives the documented Chrome id, and the README’s policies name it', () => {
  expect(idOfKey(chromeKey)).toBe(chromeId);
  const readme = readFileSync('README.md', 'utf8');
  expect(readme).toContain(chromeId);
  expect(readme).toContain(geckoId);
});

it('Firefox’s add-on id is email-like, as Firefox and policies.json want it', () => {
  expect(geckoId).toMatch(/^[a-z0-9-]+@[a-z0-9.-]+$/);
});
