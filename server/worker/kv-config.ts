import type { ConfigStorage } from '../setup/org-registry.ts';

/**
 * The organisation registry's storage on the Worker: the KV binding as unstorage's cloudflare-kv-binding
 * driver used it (the same keys, the value as JSON), without unstorage itself (4 kB of the Worker's gzip).
 * Registries written by earlier versions read the same.
 */
export function kvConfig(kv: KVNamespace): ConfigStorage {
  return {
    hasItem: async (key) => (await kv.get(key)) !== null,
    async getKeys(base) {
      const keys: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await kv.list({ prefix: `${base}:`, cursor });
        keys.push(...page.keys.map((k) => k.name));
        cursor = page.list_complete ? undefined : page.cursor;
      } while (cursor);
      return keys;
    },
    setItem: (key, value) => kv.put(key, JSON.stringify(value)),
  };
}
