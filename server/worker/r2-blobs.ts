import type { BlobStorage, Bytes } from '../blobs/screenshots.ts';

/**
 * Screenshots' storage on the Worker: the R2 binding as unstorage's cloudflare-r2-binding driver used it
 * (the same keys, the bytes as they came), without unstorage itself. Pictures stored by earlier versions
 * read the same.
 */
export function r2Blobs(bucket: R2Bucket): BlobStorage {
  return {
    hasItem: async (key) => (await bucket.head(key)) !== null,
    getItemRaw: async (key) => (await bucket.get(key))?.arrayBuffer() ?? null,
    async setItemRaw(key: string, value: Bytes) {
      await bucket.put(key, value);
    },
    removeItem: (key) => bucket.delete(key),
  };
}
