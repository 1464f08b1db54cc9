import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { nodeLedgers } from '../../server/node/ledgers.ts';
import { asksContract } from '../contract/asks-contract.ts';

asksContract('better-sqlite3', () => nodeLedgers(':memory:', createStorage({ driver: memory() })));
