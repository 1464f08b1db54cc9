import { env } from 'cloudflare:test';
import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { workerLedgers } from '../../server/worker/ledgers.ts';
import { valuesContract } from '../contract/values-contract.ts';

// The same values, inside workerd against real Durable Objects.
valuesContract('Durable Object', () => workerLedgers(env, createStorage({ driver: memory() })));
