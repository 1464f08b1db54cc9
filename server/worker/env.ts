/**
 * The Worker's bindings. `wrangler types` generates them from wrangler.toml into worker-configuration.d.ts
 * (`npm run worker:types` after changing wrangler.toml; `npm run check` fails while it is stale): the Durable
 * Object namespace LEDGER, KV CONFIG (which organisations exist), R2 BLOBS (screenshots), and the [vars]
 * documented there. Only the secret is declared here, since wrangler.toml names no secrets.
 */
declare global {
  namespace Cloudflare {
    interface Env {
      /** Secret enabling the operator's setup routes (/v1/setup/…); `wrangler secret put SETUP_TOKEN`. */
      SETUP_TOKEN?: string;
      /** `1` only under bench:sync: the object times its own code (worker/busy-meter.ts). */
      BENCH_OBJECT_TIMING?: string;
    }
  }
}

export type Env = Cloudflare.Env;
