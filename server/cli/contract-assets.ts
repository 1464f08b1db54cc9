import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { contractFiles } from '../http/openapi/contract.ts';

/*
 * `npm run worker:assets`: writes the published contract (openapi.json, docs.html) into the Worker's static
 * assets folder, the argument. wrangler runs it before every deploy, dry run and `wrangler dev` (wrangler.toml
 * [build]); the Worker serves the files from there (worker/contract-assets.ts) instead of generating them.
 */
const arg = process.argv[2];
if (!arg) throw new Error('[worker:assets] usage: tsx server/cli/contract-assets.ts <folder>');
const dir = resolve(arg);
const files = contractFiles();
mkdirSync(dir, { recursive: true });
// Only these files are published: anything else an older build left would be uploaded too.
for (const name of readdirSync(dir)) if (!(name in files)) rmSync(join(dir, name), { recursive: true, force: true });
// Each file is replaced at once (written beside the folder, then renamed): a `wrangler dev` or a workerd test
// reading the folder while another command rebuilds it never finds a file missing or half written.
for (const [name, text] of Object.entries(files)) {
  const temporary = join(dirname(dir), `.${name}.${process.pid}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, join(dir, name));
}
