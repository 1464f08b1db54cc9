import { screenshotStore } from './blobs/screenshots.ts';
import { accessFrom } from './http/access-config.ts';
import { createApp } from './http/app.ts';
import { cloudflareClient } from './http/client-address.ts';
import { workerHosts } from './http/host-guard.ts';
import { parseOrigins } from './http/origin-guard.ts';
import { assetContract } from './worker/contract-assets.ts';
import type { Env } from './worker/env.ts';
import { kvConfig } from './worker/kv-config.ts';
import { workerLedgers, workerPush } from './worker/ledgers.ts';
import { r2Blobs } from './worker/r2-blobs.ts';

export { OrgLedgerObject } from './worker/org-ledger-object.ts';

let app: ReturnType<typeof createApp> | undefined;

/** Cloudflare Worker entry: the same Hono app, with Durable Object ledgers, KV configuration and R2 blobs. */
export default {
  fetch(request, env, ctx) {
    app ??= createApp({
      ledgers: workerLedgers(env, kvConfig(env.CONFIG)),
      screenshots: screenshotStore(r2Blobs(env.BLOBS)),
      setupToken: env.SETUP_TOKEN,
      allowedHosts: workerHosts(env.ALLOWED_HOSTS),
      corsOrigins: parseOrigins(env.CORS_ORIGINS),
      clientAddress: cloudflareClient,
      push: workerPush(env),
      access: accessFrom({
        teamDomain: env.ACCESS_TEAM_DOMAIN,
        audience: env.ACCESS_AUD,
        orgId: env.ACCESS_ORG,
        allowedDomains: env.ACCESS_ALLOWED_DOMAINS,
        extensions: env.SSO_EXTENSIONS,
      }),
      contract: assetContract(env.ASSETS),
    });
    return app.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
