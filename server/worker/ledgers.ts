import { asyncLedger, type Ledgers, type Outcome, unknownOrgsId } from '../core/remote.ts';
import type { PushGate } from '../http/routes/push.ts';
import { type ConfigStorage, orgRegistry } from '../setup/org-registry.ts';
import type { Env } from './env.ts';
import { tokenHashHeader } from './push-sockets.ts';

/** The Worker's ledgers: each organisation is the Durable Object named after its id. */
export function workerLedgers(env: Env, storage: ConfigStorage): Ledgers {
  const registry = orgRegistry(storage);
  const remote = (orgId: string) => {
    const stub = env.LEDGER.get(env.LEDGER.idFromName(orgId));
    return asyncLedger(async (op, args) => (await stub.invoke(op, args)) as Outcome);
  };
  return {
    async open(orgId) {
      return (await registry.has(orgId)) ? remote(orgId) : null;
    },
    unknownOrgs: () => remote(unknownOrgsId),
    async create(orgId) {
      await registry.add(orgId);
      return remote(orgId);
    },
  };
}

/** The Worker's push: the upgrade goes to the organisation's object, which checks the token's hash itself. */
export function workerPush(env: Env): PushGate {
  return {
    connect(orgId, tokenHash, request) {
      const stub = env.LEDGER.get(env.LEDGER.idFromName(orgId));
      const headers = new Headers(request.headers);
      headers.set(tokenHashHeader, tokenHash);
      headers.delete('sec-websocket-protocol'); // the token stops at the Worker
      return stub.fetch(new Request(request.url, { headers }));
    },
  };
}
