import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The architecture, checked: who may import whom, and files that stay small. */
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
const imports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)].map((m) => ({
    typeOnly: Boolean(m[1]),
    from: m[2],
  }));

/** The first import cycle among `dir`'s files (runtime imports; type-only ones vanish at build), or null. */
function firstCycle(dir: string): string[] | null {
  const graph = new Map(
    files(dir).map((file) => [
      file,
      imports(file)
        .filter((i) => !i.typeOnly && i.from.startsWith('.'))
        .map((i) => join(dirname(file), i.from)),
    ]),
  );
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === 'done' || !graph.has(file)) return null;
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

describe('structure', () => {
  it('shared/ imports nothing of ours but shared/', () => {
    for (const file of files('shared')) {
      for (const { from } of imports(file)) {
        expect(from.startsWith('.') ? from.startsWith('./') : from === 'zod', `${file} imports ${from}`).toBe(true);
      }
    }
  });

  it('the extension takes from the server only the API type', () => {
    for (const file of files('extension')) {
      for (const { from, typeOnly } of imports(file).filter((i) => i.from.includes('/server/'))) {
        expect({ file, from, typeOnly }).toEqual({ file, from: '../../server/http/app.ts', typeOnly: true });
      }
    }
  });

  it('the ledger core knows no HTTP and no runtime', () => {
    for (const file of files('server/core')) {
      for (const { from } of imports(file)) {
        expect(/^(hono|@hono|better-sqlite3|cloudflare:|node:|unstorage)/.test(from), `${file} imports ${from}`).toBe(
          false,
        );
        expect(
          from.includes('/http/') || from.includes('/node/') || from.includes('/worker/'),
          `${file} imports ${from}`,
        ).toBe(false);
      }
    }
  });

  it('the Worker bundles nothing only Node runs, no unstorage, none of Hono’s unused routers, no OpenAPI generator', () => {
    // Runtime imports and re-exports followed from the Worker's entry: what wrangler puts in its bundle.
    const runtimeImports = (file: string) =>
      [
        ...readFileSync(file, 'utf8').matchAll(
          /^(?:import\s+(?!type\s)[^'"]*?from\s+|export\s+(?:\*|\{[^}]*\})\s+from\s+)'([^']+)'/gm,
        ),
      ].map((m) => m[1]);
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const from of runtimeImports(file)) if (from.startsWith('.')) visit(join(dirname(file), from));
    };
    visit('server/worker.ts');
    expect(reached.has('server/http/app.ts') && reached.has('server/worker/org-ledger-object.ts')).toBe(true);
    const packages = new Set([...reached].flatMap((f) => runtimeImports(f).filter((from) => !from.startsWith('.'))));
    // `hono` itself is Hono with RegExpRouter and SmartRouter: apps take it from server/http/hono.ts.
    expect(
      [...packages].filter((p) => p === 'hono' || /^(unstorage|node:|better-sqlite3|@hono\/node-server)/.test(p)),
    ).toEqual([]);
    // Only Node seeds the demo's history (a Durable Object's clock cannot be moved) and screens webhook addresses.
    const nodeOnly = ['server/setup/demo-history.ts', 'server/delivery/screen.ts', 'server/delivery/address.ts'];
    expect([...reached].filter((f) => f.startsWith('server/node/') || nodeOnly.includes(f))).toEqual([]);
    // The published contract comes from the build, as static assets (wrangler.toml [build], [assets]): the
    // OpenAPI generator and zod's JSON Schema conversion were 8 kB of the Worker's gzip.
    expect([...reached].filter((f) => f.startsWith('server/http/openapi/'))).toEqual([]);
    expect([...reached].filter((f) => readFileSync(f, 'utf8').includes('toJSONSchema'))).toEqual([]);
  });

  it('every route file has tests that call its routes', () => {
    const tests = files('test')
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const app = readFileSync('server/http/app.ts', 'utf8');
    for (const file of files('server/http/routes')) {
      const source = readFileSync(file, 'utf8');
      const name = /export const (\w+)/.exec(source)?.[1];
      const mount = app.match(new RegExp(`route\\('(/[a-z0-9/]*)',\\s*${name}`))?.[1];
      expect(mount, `${file} is mounted in app.ts`).toBeTruthy();
      // Mounted at the root, the file's own first path is what tests call.
      const called = mount === '/' ? /\.(?:get|post|patch|delete)\('([^']+)'/.exec(source)?.[1] : mount;
      expect(tests.includes(`'${called}`) || tests.includes(`\`${called}`), `tests call ${called} (${file})`).toBe(
        true,
      );
    }
  });

  it('no import cycles in the extension or the server', () => {
    expect(firstCycle('extension')).toBeNull();
    expect(firstCycle('server')).toBeNull();
  });

  it('no source file is over 300 lines', () => {
    const long = ['server', 'shared', 'extension']
      .flatMap(files)
      .filter((f) => readFileSync(f, 'utf8').split('\n').length > 300)
      .map((f) => relative('.', f));
    expect(long).toEqual([]);
  });
});
