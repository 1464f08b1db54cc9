import { env } from 'cloudflare:test';
import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { workerLedgers } from '../../server/worker/ledgers.ts';
import { ledgerContract } from '../contract/ledger-contract.ts';

// The same contract as on Node, against real Durable Objects and their SQLite, inside workerd.
ledgerContract('Durable Object', () => workerLedgers(env, createStorage({ driver: memory() })), 200);
