import { createStorage } from 'unstorage';
import kvBinding from 'unstorage/drivers/cloudflare-kv-binding';
import r2Binding from 'unstorage/drivers/cloudflare-r2-binding';
import { screenshotStore } from './blobs/screenshots.ts';
import { accessFrom } from './http/access-config.ts';
import { createApp } from './http/app.ts';
import { cloudflareClient } from './http/client-address.ts';
import { workerHosts } from './http/host-guard.ts';
import { parseOrigins } from './http/origin-guard.ts';
import type { Env } from './worker/env.ts';
import { workerLedgers, workerPush } from './worker/ledgers.ts';

export { OrgLedgerObject } from './worker/org-ledger-object.ts';

let app: ReturnType<typeof createApp> | undefined;

/** Cloudflare Worker entry: the same Hono app, with Durable Object ledgers, KV configuration and R2 blobs. */
export default {
  fetch(request, env, ctx) {
    app ??= createApp({
      ledgers: workerLedgers(env, createStorage({ driver: kvBinding({ binding: env.CONFIG }) })),
      screenshots: screenshotStore(createStorage({ driver: r2Binding({ binding: env.BLOBS }) })),
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
    });
    return app.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
