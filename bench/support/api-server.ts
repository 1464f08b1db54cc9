import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createStorage } from 'unstorage';
import fsLite from 'unstorage/drivers/fs-lite';
import { createApp } from '../../server/http/app.ts';
import { nodeScreenshots } from '../../server/node/screenshots.ts';
import { threadedLedgers } from '../../server/node/threaded-ledgers.ts';
import { createDemoOrganisation } from '../../server/setup/organisation.ts';
import { loadReadyOrg } from './load-ready-org.ts';

/*
 * The server side of bench:api, in its own process: the real Node wiring (the ledger thread) on a fresh on-disk data dir,
 * and a bare Hono app (GET JSON) as the same run's baseline. Prints its addresses, senders' tokens and recipients as JSON.
 */
const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
const ledgers = threadedLedgers(dir, createStorage({ driver: fsLite({ base: join(dir, 'config') }) }));
const codes = await createDemoOrganisation(ledgers);
const app = createApp({ ledgers, screenshots: nodeScreenshots(dir) });

const listen = (fetch: (r: Request) => Response | Promise<Response>) =>
  new Promise<number>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve((server.address() as AddressInfo).port),
    );
  });

const apiPort = await listen(app.fetch);
const barePort = await listen(new Hono().get('/', (c) => c.json({ ok: true })).fetch);
const { member, manager, admin, priya, recipients } = await loadReadyOrg(app, codes);
// Three senders and everyone else as recipients, for loads longer than one person's limits allow
// (100,000 writes a minute, 100,000 thank-yous a day): bench:soak.
const tokens = [member, manager, admin];
console.log(
  JSON.stringify({
    api: `http://127.0.0.1:${apiPort}`,
    dataDir: dir,
    bare: `http://127.0.0.1:${barePort}`,
    tokens,
    recipient: priya,
    recipients,
  }),
);
process.on('SIGINT', () => process.exit(0));
