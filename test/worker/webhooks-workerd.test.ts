import { env } from 'cloudflare:test';
import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { workerLedgers } from '../../server/worker/ledgers.ts';
import { webhooksContract } from '../contract/webhooks-contract.ts';

// The same webhooks inside workerd, against real Durable Objects (WEBHOOK_ALLOW_HTTP=1 in vitest.config.ts).
webhooksContract('Durable Object', () => workerLedgers(env, createStorage({ driver: memory() })));
