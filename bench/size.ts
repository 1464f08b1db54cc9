import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { report } from './support/report.ts';

/*
 * bench:size — what users download: the side panel's JavaScript (the Chrome build, its entry chunk and
 * everything it imports) and the minified Worker bundle as `wrangler deploy --dry-run` makes it.
 */
const gzipKb = (files: string[]) => gzipSync(Buffer.concat(files.map((f) => readFileSync(f)))).length / 1024;

execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
const out = '.output/chrome-mv3';
const html = readFileSync(join(out, 'sidepanel.html'), 'utf8');
const scripts = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => join(out, m[1]));
// Shared chunks the page imports statically are part of what it loads.
const chunkDir = join(out, 'chunks');
const chunks = new Set(scripts);
for (const file of scripts) {
  for (const m of readFileSync(file, 'utf8').matchAll(/from\s*"\.\/([^"]+\.js)"/g)) chunks.add(join(chunkDir, m[1]));
}
if (scripts.length === 0) throw new Error('[bench:size] no script found in sidepanel.html');

const workerDir = mkdtempSync(join(tmpdir(), 'tandem-worker-'));
execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--minify', '--outdir', workerDir], {
  stdio: 'ignore',
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
});
const workerJs = readdirSync(workerDir)
  .filter((f) => f.endsWith('.js'))
  .map((f) => join(workerDir, f));

report('size', 'sidepanel_js_gzip_kb', gzipKb([...chunks]));
report('size', 'worker_gzip_kb', gzipKb(workerJs));
