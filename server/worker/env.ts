import type { OrgLedgerObject } from './org-ledger-object.ts';

/** The Worker's bindings, as wrangler.toml declares them. */
export interface Env {
  /** One SQLite-backed Durable Object per organisation: its ledger. */
  LEDGER: DurableObjectNamespace<OrgLedgerObject>;
  /** Server configuration (which organisations exist), through unstorage. */
  CONFIG: KVNamespace;
  /** Blobs (screenshots attached to asks), through unstorage. */
  BLOBS: R2Bucket;
  /** Secret enabling POST /v1/setup/demo; set with `wrangler secret put SETUP_TOKEN`. */
  SETUP_TOKEN?: string;
  /** Comma-separated Host names answered besides loopback and *.workers.dev (a custom domain); `*` for any. */
  ALLOWED_HOSTS?: string;
  /** Comma-separated web origins allowed to call besides the extension's own (`https://intranet.example`). */
  CORS_ORIGINS?: string;
  /** Cloudflare Access mode, when ACCESS_TEAM_DOMAIN is set (see wrangler.toml [vars]). */
  ACCESS_TEAM_DOMAIN?: string;
  ACCESS_AUD?: string;
  ACCESS_ORG?: string;
  /** Comma-separated email domains whose people are created on their first visit. */
  ACCESS_ALLOWED_DOMAINS?: string;
  /** Company sign-in: comma-separated extension ids (or redirect URLs) that may receive its codes. */
  SSO_EXTENSIONS?: string;
}
