import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createStorage } from 'unstorage';
import fsLite from 'unstorage/drivers/fs-lite';
import { newOrganisationSchema } from '../../shared/organisations.ts';
import { createOrgLedger } from '../core/ledger.ts';
import { demoCodeLines, seedDemo } from '../node/demo-seed.ts';
import { ledgerFilename, nodeLedgers } from '../node/ledgers.ts';
import { sqlitePort } from '../node/sqlite-port.ts';
import { createOrganisation } from '../setup/create-organisation.ts';
import { demoOrg } from '../setup/demo-org.ts';
import { orgRegistry } from '../setup/org-registry.ts';

/*
 * `npm run org -- create | list | demo`: organisations in the server's data directory (TANDEM_DATA_DIR),
 * whether or not the server is running: it looks organisations up in the same registry files, so it
 * sees a new one at its next request.
 */
const usage = `Usage:
  npm run org -- create --name <organisation> --admin-name <name> --admin-email <email> [--server <url>]
  npm run org -- list
  npm run org -- demo

create  an organisation with no demo data and its first admin, who gets a one-time sign-in code
list    the organisations in the data directory
demo    the demo organisation "${demoOrg.name}" (what npm start makes on a fresh data directory)

--server  the address people reach the server at, for the join link (default http://HOST:PORT, as npm start)
Data directory: TANDEM_DATA_DIR (default .data).`;

class UsageError extends Error {}

const dataDir = resolve(process.env.TANDEM_DATA_DIR ?? '.data');
const storage = createStorage({ driver: fsLite({ base: resolve(dataDir, 'config') }) });
const defaultServer = `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? 8787}`;
const flagOf: Record<string, string> = { name: '--name', admin: '--admin-name', 'admin.name': '--admin-name' };
flagOf['admin.email'] = '--admin-email';

async function create(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-email': { type: 'string' },
      server: { type: 'string', default: defaultServer },
    },
  });
  const parsed = newOrganisationSchema.safeParse({
    name: values.name ?? '',
    admin: { name: values['admin-name'] ?? '', email: values['admin-email'] ?? '' },
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${flagOf[i.path.join('.')] ?? i.path.join('.')}: ${i.message}`);
    throw new UsageError([...new Set(problems)].join('\n'));
  }
  let server: URL;
  try {
    server = new URL(values.server);
  } catch {
    throw new UsageError(`  --server: not an address (${values.server})`);
  }
  const ledgers = nodeLedgers(dataDir, storage);
  try {
    const created = await createOrganisation(ledgers, parsed.data, server.origin);
    const { admin } = created;
    console.log(`Created organisation "${created.name}".`);
    console.log(`  id     ${created.orgId}`);
    console.log(`  admin  ${parsed.data.admin.name} <${parsed.data.admin.email.toLowerCase()}>`);
    console.log(`  code   ${admin.code}`);
    console.log(`  join   ${admin.joinUrl}`);
    console.log(
      `The code signs in once, until ${admin.expiresAt.slice(0, 16).replace('T', ' ')} UTC: send the link to`,
    );
    console.log('the admin, who signs in from the extension and builds the organisation from its settings.');
  } finally {
    ledgers.close();
  }
}

async function list() {
  const ids = await orgRegistry(storage).list();
  if (!ids.length) return console.log(`No organisations in ${dataDir}.`);
  const rows = ids.map((id) => {
    // Read only, beside a server that may have the file open: no migrations, nothing written.
    const port = sqlitePort(ledgerFilename(dataDir, id));
    try {
      return (
        createOrgLedger(port, { readOnly: true }).summary() ?? { id, name: '(not set up)', createdAt: '', people: 0 }
      );
    } finally {
      port.close();
    }
  });
  rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const width = Math.max(2, ...rows.map((r) => r.id.length));
  console.log(`${'id'.padEnd(width)}  ${'created'.padEnd(10)}  ${'people'.padStart(6)}  name`);
  for (const r of rows) {
    console.log(
      `${r.id.padEnd(width)}  ${r.createdAt.slice(0, 10).padEnd(10)}  ${String(r.people).padStart(6)}  ${r.name}`,
    );
  }
}

async function demo() {
  if (await orgRegistry(storage).has(demoOrg.id)) {
    throw new Error(`The demo organisation is in ${dataDir} already (npm start prints its codes).`);
  }
  const codes = await seedDemo(dataDir, storage, process.env.TANDEM_DEMO_HISTORY !== '0');
  for (const line of demoCodeLines(codes, defaultServer)) console.log(line);
}

const commands: Record<string, (args: string[]) => Promise<void>> = { create, list, demo };
const [command, ...rest] = process.argv.slice(2);
try {
  const run = command ? commands[command] : undefined;
  if (!run) throw new UsageError(command ? `Unknown command: ${command}` : 'Which command?');
  await run(rest);
} catch (e) {
  // parseArgs refuses unknown or valueless options with a TypeError whose message says which.
  if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${(e as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  console.error(`[org] ${(e as Error).message}`);
  process.exit(1);
}
