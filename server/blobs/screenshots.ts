/**
 * Screenshots attached to asks: blobs, so they live in unstorage (fs-lite under the data dir on Node,
 * memory in tests) or R2 on the Worker (worker/r2-blobs.ts), never in the ledger's SQL. Keys carry the organisation and the
 * uploader, so an ask can only attach its own requester's picture and organisations never share one.
 * A picture is named by the SHA-256 of its bytes: a retried upload stores nothing new.
 */
export type Bytes = Uint8Array<ArrayBuffer>;

export interface ScreenshotStore {
  /** Stores a picture under its id (screenshotId of its bytes). */
  put(orgId: string, personId: string, id: string, bytes: Bytes): Promise<void>;
  has(orgId: string, personId: string, id: string): Promise<boolean>;
  get(orgId: string, personId: string, id: string): Promise<Bytes | null>;
  /** Removes one no ask attached (blobs/sweep.ts); removing a missing one is no error. */
  remove(orgId: string, personId: string, id: string): Promise<void>;
}

/** What the store needs of its storage: unstorage's `Storage`, or the R2 bucket with unstorage's keys. */
export interface BlobStorage {
  hasItem(key: string): Promise<boolean>;
  getItemRaw(key: string): Promise<unknown>;
  setItemRaw(key: string, value: Bytes): Promise<void>;
  removeItem(key: string): Promise<void>;
}

const key = (orgId: string, personId: string, id: string) => `screenshots:${orgId}:${personId}:${id}`;

const hex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

/** A picture's id: the SHA-256 of its bytes, so the same picture uploaded again is the same one. */
export const screenshotId = async (bytes: Bytes) => hex(await crypto.subtle.digest('SHA-256', bytes));

export function screenshotStore(storage: BlobStorage): ScreenshotStore {
  return {
    async put(orgId, personId, id, bytes) {
      const k = key(orgId, personId, id);
      if (!(await storage.hasItem(k))) await storage.setItemRaw(k, bytes);
    },
    remove: (orgId, personId, id) => storage.removeItem(key(orgId, personId, id)),
    has: (orgId, personId, id) => storage.hasItem(key(orgId, personId, id)),
    async get(orgId, personId, id) {
      const raw: unknown = await storage.getItemRaw(key(orgId, personId, id));
      if (raw === null || raw === undefined) return null;
      // fs-lite answers a Buffer, R2 an ArrayBuffer, memory what it was given.
      if (raw instanceof Uint8Array || raw instanceof ArrayBuffer) return new Uint8Array(raw);
      throw new Error('[tandem] [screenshots] unexpected blob type from storage');
    },
  };
}

/** The image type from its first bytes: what the upload said is not trusted. */
export function imageType(bytes: Bytes): 'image/png' | 'image/jpeg' | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Decodes a `data:image/…;base64,` URL (already validated by uploadScreenshotSchema). */
export function dataUrlBytes(dataUrl: string): Bytes {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
