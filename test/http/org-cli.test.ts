import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../support/server-process.ts';

/*
 * `npm run org` against the data directory of a server that is running (TANDEM_DEMO=0: no demo): what
 * the CLI creates, the running server answers at once.
 */
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ demo: false });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

// Asynchronously: a blocked event loop would let the server close the client's kept-alive socket unseen.
const org = (...args: string[]) =>
  new Promise<{ status: number | null; out: string; err: string }>((resolve) => {
    const env = { ...process.env, TANDEM_DATA_DIR: server.dataDir, TANDEM_DEMO_HISTORY: '0' };
    execFile(process.execPath, ['--import', 'tsx', 'server/cli/org.ts', ...args], { env }, (error, out, err) =>
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err }),
    );
  });
const line = (out: string, label: string) => new RegExp(`^\\s+${label}\\s+(\\S+)$`, 'm').exec(out)?.[1] ?? '';
const signIn = (code: string) =>
  fetch(`${server.url}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });

// Each `npm run org` is a Node process starting tsx: seconds on a busy machine.
describe('npm run org', { timeout: 120_000 }, () => {
  it('creates an organisation the running server signs its admin in to, once, with nothing of the demo', async () => {
    expect((await org('list')).out).toContain('No organisations');
    // Asked about before it exists, the server must not remember it as missing.
    expect((await signIn('acme.AAAA-AAAA')).status).toBe(401);
    const created = await org(
      'create',
      '--name',
      'Acme',
      '--admin-name',
      'Ada Lovelace',
      '--admin-email',
      'ada@acme.example',
    );
    expect(created.status, created.err).toBe(0);
    expect(line(created.out, 'id')).toBe('acme');
    const code = line(created.out, 'code');
    expect(code).toMatch(/^acme\./);
    expect(line(created.out, 'join')).toBe(`http://127.0.0.1:8787/join#${encodeURIComponent(code)}`);

    const res = await signIn(code);
    expect(res.status).toBe(201);
    const me = (await res.json()) as { token: string };
    expect(me).toMatchObject({ org: { id: 'acme', name: 'Acme' }, person: { name: 'Ada Lovelace', role: 'admin' } });
    expect((await signIn(code)).status).toBe(401);
    const directory = await fetch(`${server.url}/v1/directory?q=`, {
      headers: { authorization: `Bearer ${me.token}` },
    });
    const { entries } = (await directory.json()) as { entries: { name: string }[] };
    expect(entries.map((e) => e.name)).toEqual(['Ada Lovelace']);

    // The join link is for the address asked for; the same name again gets an id of its own.
    const again = await org(
      'create',
      '--name',
      'acme',
      '--admin-name',
      'Bo',
      '--admin-email',
      'bo@acme.example',
      '--server',
      'https://tandem.acme.example/',
    );
    expect(line(again.out, 'id')).toBe('acme-2');
    expect(line(again.out, 'join')).toMatch(/^https:\/\/tandem\.acme\.example\/join#acme-2\./);
    expect((await signIn(line(again.out, 'code'))).status).toBe(201);

    const listed = await org('list');
    expect(listed.status).toBe(0);
    expect(listed.out).toMatch(/^acme\s+\d{4}-\d{2}-\d{2}\s+1\s+Acme$/m);
    expect(listed.out).toMatch(/^acme-2\s+\d{4}-\d{2}-\d{2}\s+1\s+acme$/m);
    expect(listed.out).not.toContain('Northwind');
  });

  it('refuses bad arguments with what is wrong, the usage and exit code 2, creating nothing', async () => {
    const before = (await org('list')).out;
    const cases = [
      [[], 'Which command?'],
      [['remove'], 'Unknown command: remove'],
      [['create', '--name', 'Acme', '--admin-name', 'Ada'], '--admin-email: A valid email'],
      [
        ['create', '--name', '\u200b ', '--admin-name', 'Ada', '--admin-email', 'a@b.example'],
        '--name: Name the organisation',
      ],
      [
        ['create', '--name', 'X', '--admin-name', 'Ada', '--admin-email', 'not-an-email'],
        '--admin-email: A valid email',
      ],
      [['create', '--nmae', 'Acme'], "Unknown option '--nmae'"],
      [
        ['create', '--name', 'X', '--admin-name', 'A', '--admin-email', 'a@b.example', '--server', 'nowhere'],
        '--server',
      ],
    ] as const;
    const runs = await Promise.all(cases.map(([args]) => org(...args)));
    for (const [i, [args, message]] of cases.entries()) {
      const run = runs[i];
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.err).toContain(message);
      expect(run.err).toContain('Usage:');
    }
    expect((await org('list')).out).toBe(before);
  });

  it('makes the demo on request, once', async () => {
    const demo = await org('demo');
    expect(demo.status, demo.err).toBe(0);
    const admin = /^\s+admin\s+Alex Chen\s+(\S+)$/m.exec(demo.out)?.[1] ?? '';
    expect((await signIn(admin)).status).toBe(201);
    const again = await org('demo');
    expect(again.status).toBe(1);
    expect(again.err).toContain('already');
  });
});
