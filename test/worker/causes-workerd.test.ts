import { env } from 'cloudflare:test';
import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { workerLedgers } from '../../server/worker/ledgers.ts';
import { causesContract } from '../contract/causes-contract.ts';

// The same causes inside workerd, against a real Durable Object and its 100 values per statement.
causesContract('Durable Object', () => workerLedgers(env, createStorage({ driver: memory() })));
