import { env } from 'cloudflare:test';
import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { workerLedgers } from '../../server/worker/ledgers.ts';
import { viewsContract } from '../contract/views-contract.ts';

// The same views, inside workerd against real Durable Objects.
viewsContract('Durable Object', () => workerLedgers(env, createStorage({ driver: memory() })));
