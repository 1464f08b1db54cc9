import { env } from 'cloudflare:test';
import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { workerLedgers } from '../../server/worker/ledgers.ts';
import { notificationsContract } from '../contract/notifications-contract.ts';

// The same notifications, inside workerd against real Durable Objects.
notificationsContract('Durable Object', () => workerLedgers(env, createStorage({ driver: memory() })));
