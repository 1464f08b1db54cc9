import { env } from 'cloudflare:test';
import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { workerLedgers } from '../../server/worker/ledgers.ts';
import { pulsesContract } from '../contract/pulses-contract.ts';

// The same pulses, inside workerd against real Durable Objects (100 bound values at most per statement).
pulsesContract('Durable Object', () => workerLedgers(env, createStorage({ driver: memory() })));
