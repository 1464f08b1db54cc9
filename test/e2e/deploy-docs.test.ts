import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWorker, startWranglerDev } from '../support/wrangler-dev.ts';

/*
 * The README's "Deploy to Cloudflare", run as written against `wrangler dev --local`: the commands are read
 * from the README's code blocks, so the documentation and this test cannot drift apart. Commands that need a
 * Cloudflare account are listed there as such; this test checks nothing else hides among them.
 */
const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(
  readme.indexOf('## Deploy to Cloudflare'),
  readme.indexOf('\n## ', readme.indexOf('## Deploy to Cloudflare') + 1),
);
const blocks = [
  ...section.matchAll(/(<!-- Run by test\/e2e\/deploy-docs\.test\.ts[^\n]*\n)?```sh\n([\s\S]*?)```/g),
].map((m) => ({ tested: !!m[1], commands: commandsOf(m[2]) }));

/** Shell commands of a block: continued lines joined, comments and blank lines left out. */
function commandsOf(block: string): string[] {
  return block
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line && !line.startsWith('#'));
}

const accountOnly = [
  /^npx wrangler login$/,
  /^npx wrangler kv namespace create CONFIG$/,
  /^npx wrangler r2 bucket create tandem-screenshots$/,
  /^npx wrangler secret put SETUP_TOKEN$/,
  /^npm run worker:deploy$/,
  /^export TANDEM=\S+ SETUP_TOKEN=\S+$/,
];

const token = 'docs-test-setup-token';
let worker: RunningWorker;
beforeAll(async () => {
  worker = await startWranglerDev({ SETUP_TOKEN: token });
});
afterAll(async () => {
  await worker?.stop();
});

/** Runs one README command as a reader would, with the two variables the README has them export. */
function run(command: string): unknown {
  const out = execFileSync('bash', ['-euo', 'pipefail', '-c', command], {
    env: { ...process.env, TANDEM: worker.url, SETUP_TOKEN: token },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}
const command = (path: string) => {
  const found = blocks.filter((b) => b.tested).flatMap((b) => b.commands.filter((c) => c.includes(`$TANDEM${path}"`)));
  expect(found, `the README runs ${path} once`).toHaveLength(1);
  return found[0];
};

/** The code signs in for real: the API hands out a token for it. */
async function signsIn(code: string) {
  const res = await fetch(`${worker.url}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  expect(res.status).toBeLessThan(300);
  expect(((await res.json()) as { token: string }).token).toBeTruthy();
}

describe('README: Deploy to Cloudflare', () => {
  it('runs every command but the account-only ones, which are listed as such', () => {
    expect(blocks.filter((b) => b.tested).length).toBeGreaterThanOrEqual(2);
    const untested = blocks.filter((b) => !b.tested).flatMap((b) => b.commands);
    for (const c of untested)
      expect(
        accountOnly.some((pattern) => pattern.test(c)),
        c,
      ).toBe(true);
    // Every command a tested block holds is one of those below.
    const tested = blocks.filter((b) => b.tested).flatMap((b) => b.commands);
    const paths = ['/health', '/v1/setup/organisations', '/v1/setup/demo'];
    expect(tested.every((c) => paths.some((p) => c.includes(`$TANDEM${p}"`)))).toBe(true);
  });

  it('the health check answers', () => {
    expect(run(command('/health'))).toEqual({ ok: true });
  });

  it('creates the demo organisation, whose admin code signs in', async () => {
    const created = run(command('/v1/setup/demo')) as { orgId: string; codes: { admin: string } };
    expect(created.orgId).toBe('acme-trial');
    await signsIn(created.codes.admin);
  });

  it('creates an organisation with its first admin, whose one-time code signs in', async (ctx) => {
    // POST /v1/setup/organisations comes with the `org` part of issue 15; until then its API document lacks it.
    const api = (await (await fetch(`${worker.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    if (!api.paths['/v1/setup/organisations']) ctx.skip('POST /v1/setup/organisations is not in this build yet');
    const created = run(command('/v1/setup/organisations')) as {
      orgId: string;
      admin: { code: string; joinUrl: string };
    };
    expect(created.orgId).toBe('acme');
    expect(created.admin.joinUrl.startsWith(`${worker.url}/`)).toBe(true);
    await signsIn(created.admin.code);
  });
});
