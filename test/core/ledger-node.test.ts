import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { nodeLedgers } from '../../server/node/ledgers.ts';
import { ledgerContract } from '../contract/ledger-contract.ts';

ledgerContract('better-sqlite3', () => nodeLedgers(':memory:', createStorage({ driver: memory() })), 1000);
