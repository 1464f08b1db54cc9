import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import { outboundReceiver } from './test/support/outbound-receiver.ts';

/**
 * One command runs every layer: node (ledger, API), workerd (Worker + Durable Object), extension units, e2e.
 * Timeouts follow each project's real work on a busy two-core machine (CI runs the projects side by side):
 * a workerd test seeds an organisation through dozens of RPC calls, a node test may seed one on disk.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/core/**/*.test.ts', 'test/http/**/*.test.ts', 'test/structure.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [
          cloudflareTest({
            main: './server/worker.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                SETUP_TOKEN: 'test-setup-token',
                ALLOWED_HOSTS: 'tandem.test',
                // Company sign-in, with test/worker/company-sign-in-workerd.test.ts standing in for Access.
                ACCESS_TEAM_DOMAIN: 'https://access.test',
                ACCESS_AUD: 'aud-tandem-workerd',
                ACCESS_ORG: 'sso',
                ACCESS_ALLOWED_DOMAINS: 'northwind.example',
                SSO_EXTENSIONS: 'abcdefghijklmnopabcdefghijklmnop',
                // Webhooks to the loopback receiver below (test/support/outbound-receiver.ts) are plain http.
                WEBHOOK_ALLOW_HTTP: '1',
              },
              // Outbound requests of the Worker and its Durable Objects: http://hooks.test/… is a receiver in Node.
              outboundService: outboundReceiver,
            },
          }),
        ],
        test: {
          name: 'workerd',
          include: ['test/worker/**/*.test.ts'],
          globalSetup: ['test/support/worker-assets.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'extension',
          include: ['test/extension/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['test/extension/setup-i18n.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
