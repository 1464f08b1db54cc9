import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

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
