import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { chromeKey, geckoId } from '../../extension/utils/extension-ids.ts';

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (file: string) => {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString(), `${file} is a PNG`).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
};

it.each(['chrome-mv3', 'firefox-mv2'])(
  'the %s build has Tandem’s own icon at every size, in the toolbar too',
  (build) => {
    const dir = resolve('.output', build);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const sizes = Object.keys(manifest.icons).map(Number);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 128]));
    for (const [size, path] of Object.entries<string>(manifest.icons)) {
      expect(existsSync(join(dir, path)), path).toBe(true);
      expect(pngSize(join(dir, path))).toEqual([Number(size), Number(size)]);
    }
    const toolbar = (manifest.action ?? manifest.browser_action).default_icon;
    expect(Object.keys(toolbar)).toEqual(['16', '32']);
    if (build === 'firefox-mv2') expect(manifest.sidebar_action.default_icon).toEqual(toolbar);
  },
);

it('the Chrome build has Tandem’s fixed id and declares the policy it reads; the Firefox build its add-on id', () => {
  const chrome = JSON.parse(readFileSync(resolve('.output/chrome-mv3/manifest.json'), 'utf8'));
  expect(chrome.key).toBe(chromeKey);
  const schema = JSON.parse(readFileSync(join(resolve('.output/chrome-mv3'), chrome.storage.managed_schema), 'utf8'));
  expect(schema.properties.serverUrl.type).toBe('string');
  const firefox = JSON.parse(readFileSync(resolve('.output/firefox-mv2/manifest.json'), 'utf8'));
  expect(firefox.browser_specific_settings.gecko.id).toBe(geckoId);
  // Firefox takes no managed_schema (it would warn): policies.json's 3rdparty section needs none.
  expect(firefox.storage).toBeUndefined();
});

it.each(['chrome-mv3', 'firefox-mv2'])('the %s build may show notifications', (build) => {
  const manifest = JSON.parse(readFileSync(resolve('.output', build, 'manifest.json'), 'utf8'));
  expect(manifest.permissions).toContain('notifications');
});
