import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { nodeLedgers } from '../../server/node/ledgers.ts';
import { viewsContract } from '../contract/views-contract.ts';

viewsContract('better-sqlite3', () => nodeLedgers(':memory:', createStorage({ driver: memory() })));
