import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { nodeLedgers } from '../../server/node/ledgers.ts';
import { companyContract } from '../contract/company-contract.ts';

companyContract('better-sqlite3', () => nodeLedgers(':memory:', createStorage({ driver: memory() })));
