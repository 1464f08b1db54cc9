import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { nodeLedgers } from '../../server/node/ledgers.ts';
import { valuesContract } from '../contract/values-contract.ts';

valuesContract('better-sqlite3', () => nodeLedgers(':memory:', createStorage({ driver: memory() })));
