import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { nodeLedgers } from '../../server/node/ledgers.ts';
import { webhooksContract } from '../contract/webhooks-contract.ts';

webhooksContract('better-sqlite3', () =>
  nodeLedgers(':memory:', createStorage({ driver: memory() }), { allowHttpWebhooks: true }),
);
