import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { nodeLedgers } from '../../server/node/ledgers.ts';
import { causesContract } from '../contract/causes-contract.ts';

causesContract('better-sqlite3', () => nodeLedgers(':memory:', createStorage({ driver: memory() })));
