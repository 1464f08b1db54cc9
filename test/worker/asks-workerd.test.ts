import { env } from 'cloudflare:test';
import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { workerLedgers } from '../../server/worker/ledgers.ts';
import { asksContract } from '../contract/asks-contract.ts';

asksContract('Durable Object', () => workerLedgers(env, createStorage({ driver: memory() })));
