import { env } from 'cloudflare:test';
import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { workerLedgers } from '../../server/worker/ledgers.ts';
import { companyContract } from '../contract/company-contract.ts';

// The same company inside workerd, against a real Durable Object and its 100 values per statement.
companyContract('Durable Object', () => workerLedgers(env, createStorage({ driver: memory() })));
