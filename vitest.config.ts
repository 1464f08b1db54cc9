import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

/** One command runs every layer: node (ledger, API), workerd (Worker + Durable Object), extension units, e2e. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/core/**/*.test.ts', 'test/http/**/*.test.ts', 'test/structure.test.ts'],
          environment: 'node',
        },
      },
      {
        plugins: [
          cloudflareTest({
            main: './server/worker.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { SETUP_TOKEN: 'test-setup-token', ALLOWED_HOSTS: 'tandem.test' } },
          }),
        ],
        test: { name: 'workerd', include: ['test/worker/**/*.test.ts'] },
      },
      {
        plugins: [WxtVitest()],
        test: { name: 'extension', include: ['test/extension/**/*.test.ts'], environment: 'happy-dom' },
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
