import { createStorage } from 'unstorage';
import kvBinding from 'unstorage/drivers/cloudflare-kv-binding';
import { createApp } from './http/app.ts';
import type { Env } from './worker/env.ts';
import { workerLedgers } from './worker/ledgers.ts';

export { OrgLedgerObject } from './worker/org-ledger-object.ts';

let app: ReturnType<typeof createApp> | undefined;

/** Cloudflare Worker entry: the same Hono app, with Durable Object ledgers and KV configuration. */
export default {
  fetch(request, env, ctx) {
    app ??= createApp({
      ledgers: workerLedgers(env, createStorage({ driver: kvBinding({ binding: env.CONFIG }) })),
      setupToken: env.SETUP_TOKEN,
    });
    return app.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
