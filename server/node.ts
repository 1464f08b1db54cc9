import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createStorage } from 'unstorage';
import fsLite from 'unstorage/drivers/fs-lite';
import { outboundPolicy } from './delivery/policy.ts';
import { accessFrom } from './http/access-config.ts';
import { createApp } from './http/app.ts';
import { parseHosts } from './http/host-guard.ts';
import { generatedContract } from './http/openapi/contract.ts';
import { parseOrigins } from './http/origin-guard.ts';
import { nodeClient, trustedProxies } from './node/client-address.ts';
import { deliverPeriodically, wakingLedgers } from './node/delivery-loop.ts';
import { demoCodeLines, seedDemo } from './node/demo-seed.ts';
import { requestListener } from './node/request-listener.ts';
import { sweepScreenshotsPeriodically } from './node/screenshot-sweep.ts';
import { nodeScreenshots } from './node/screenshots.ts';
import { threadedLedgers } from './node/threaded-ledgers.ts';
import { orgRegistry } from './setup/org-registry.ts';
import type { DemoCodes } from './setup/organisation.ts';

/*
 * The embedded default: one Node process owns the data directory. Binds to 127.0.0.1 unless told
 * otherwise. On first start it seeds the demo organisation (unless TANDEM_DEMO=0); every start prints
 * the demo's sign-in codes, or how to create an organisation when there is none.
 */
const dataDir = resolve(process.env.TANDEM_DATA_DIR ?? '.data');
const port = Number(process.env.PORT ?? 8787);
const hostname = process.env.HOST ?? '127.0.0.1';

const storage = createStorage({ driver: fsLite({ base: resolve(dataDir, 'config') }) });
const screenshots = nodeScreenshots(dataDir);

// A fresh data directory (no organisation yet) gets the demo, unless TANDEM_DEMO=0: then `npm run org -- create`.
const registry = orgRegistry(storage);
let codes = await storage.getItem<DemoCodes>('demo-codes');
if (process.env.TANDEM_DEMO !== '0' && !(await registry.list()).length) {
  codes = await seedDemo(dataDir, storage, process.env.TANDEM_DEMO_HISTORY !== '0');
}
const noOrganisation = !(await registry.list()).length;
const ledgers = threadedLedgers(dataDir, storage);

// On loopback, answer only to loopback names; elsewhere TANDEM_ALLOWED_HOSTS lists the names to answer to.
const loopback = ['127.0.0.1', 'localhost', '::1'].includes(hostname);
const listedHosts = parseHosts(process.env.TANDEM_ALLOWED_HOSTS);
const allowedHosts = listedHosts.length
  ? listedHosts
  : loopback
    ? [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]
    : undefined;

const stopSweeping = sweepScreenshotsPeriodically(ledgers, storage, screenshots);
// Outbound webhooks: the outbox's deliveries, sent every few seconds (TANDEM_WEBHOOK_ALLOW_HTTP / _PRIVATE for labs).
const deliveries = deliverPeriodically(ledgers, () => registry.list(), { policy: outboundPolicy(process.env) });

// Web pages allowed to call besides the extension's own (e.g. an intranet portal).
const corsOrigins = parseOrigins(process.env.TANDEM_CORS_ORIGINS);
// Wrong sign-in codes are counted per caller: the socket's peer, or behind TANDEM_TRUSTED_PROXY the client it names.
const clientAddress = nodeClient(trustedProxies(process.env.TANDEM_TRUSTED_PROXY));
// Cloudflare Access in front (Cloudflare Tunnel): company sign-in and the Cf-Access-Jwt-Assertion header.
const access = accessFrom({
  teamDomain: process.env.TANDEM_ACCESS_TEAM_DOMAIN,
  audience: process.env.TANDEM_ACCESS_AUD,
  orgId: process.env.TANDEM_ACCESS_ORG,
  allowedDomains: process.env.TANDEM_ACCESS_ALLOWED_DOMAINS,
  extensions: process.env.TANDEM_SSO_EXTENSIONS,
});
// A write that may queue a webhook delivery wakes the loop, so it goes out at once rather than at the next tick.
const { fetch } = createApp({
  ledgers: wakingLedgers(ledgers, deliveries.wake),
  screenshots,
  allowedHosts,
  corsOrigins,
  clientAddress,
  access,
  contract: generatedContract,
});
// @hono/node-server's listener, answering in JSON what it cannot parse (a malformed Host).
const server = createServer(requestListener(fetch, hostname));
server.listen(port, hostname, () => {
  const url = `http://${hostname}:${(server.address() as AddressInfo).port}`;
  console.log(`Tandem API listening on ${url} (data: ${dataDir})`);
  if (codes) for (const line of demoCodeLines(codes, url)) console.log(line);
  if (noOrganisation) {
    console.log('No organisation yet. Create one (the server sees it at once):');
    console.log('  npm run org -- create --name "Acme" --admin-name "Ada Lovelace" --admin-email ada@acme.example');
    console.log('or the demo: npm run org -- demo');
  }
  console.log(
    `Extension: load ${resolve('.output/chrome-mv3')} as an unpacked extension (chrome://extensions, Developer mode).`,
  );
});

const stop = async () => {
  stopSweeping();
  deliveries.stop();
  server.close();
  await ledgers.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
