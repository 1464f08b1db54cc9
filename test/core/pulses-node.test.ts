import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { nodeLedgers } from '../../server/node/ledgers.ts';
import { pulsesContract } from '../contract/pulses-contract.ts';

pulsesContract('better-sqlite3', () => nodeLedgers(':memory:', createStorage({ driver: memory() })));
