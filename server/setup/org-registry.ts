/**
 * What the registry needs of its storage: unstorage's `Storage` on Node (fs-lite), the KV binding itself
 * on the Worker (worker/kv-config.ts), with unstorage's keys and JSON so either reads what the other wrote.
 */
export interface ConfigStorage {
  hasItem(key: string): Promise<boolean>;
  /** The keys under `base:`, whole (`orgs:acme`). */
  getKeys(base: string): Promise<string[]>;
  setItem(key: string, value: { id: string; createdAt: string }): Promise<void>;
}

/**
 * Which organisations exist: server configuration, so it lives outside the ledgers (fs-lite on Node, KV on
 * the Worker). Known ids are remembered in memory: organisations are never deleted in place.
 */
export function orgRegistry(storage: ConfigStorage) {
  const known = new Set<string>();
  return {
    async has(orgId: string): Promise<boolean> {
      if (known.has(orgId)) return true;
      const found = await storage.hasItem(`orgs:${orgId}`);
      if (found) known.add(orgId);
      return found;
    },
    /** Every organisation's id (Node's periodic sweeps). */
    async list(): Promise<string[]> {
      return (await storage.getKeys('orgs')).map((k) => k.slice('orgs:'.length));
    },
    async add(orgId: string): Promise<void> {
      await storage.setItem(`orgs:${orgId}`, { id: orgId, createdAt: new Date().toISOString() });
      known.add(orgId);
    },
  };
}
export type OrgRegistry = ReturnType<typeof orgRegistry>;
