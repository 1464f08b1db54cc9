import { env } from 'cloudflare:test';
import { createStorage } from 'unstorage';
import kvBinding from 'unstorage/drivers/cloudflare-kv-binding';
import r2Binding from 'unstorage/drivers/cloudflare-r2-binding';
import { describe, expect, it } from 'vitest';
import { screenshotStore } from '../../server/blobs/screenshots.ts';
import { orgRegistry } from '../../server/setup/org-registry.ts';
import { kvConfig } from '../../server/worker/kv-config.ts';
import { r2Blobs } from '../../server/worker/r2-blobs.ts';

/*
 * The Worker reads KV and R2 through their bindings (worker/kv-config.ts, worker/r2-blobs.ts); earlier versions
 * went through unstorage's drivers. A deployment keeps its data across the change: each side finds what the
 * other wrote, under the same keys.
 */
const unstorageKv = () => createStorage({ driver: kvBinding({ binding: env.CONFIG }) });
const unstorageR2 = () => createStorage({ driver: r2Binding({ binding: env.BLOBS }) });

describe('the organisation registry on KV', () => {
  it('finds organisations unstorage registered, and unstorage finds the ones it registers', async () => {
    await orgRegistry(unstorageKv()).add('before-kv');
    const registry = orgRegistry(kvConfig(env.CONFIG));
    expect(await registry.has('before-kv')).toBe(true);
    expect(await registry.has('never-kv')).toBe(false);

    await registry.add('after-kv');
    expect(await orgRegistry(unstorageKv()).has('after-kv')).toBe(true);
    const stored = await unstorageKv().getItem('orgs:after-kv');
    expect(stored).toEqual({ id: 'after-kv', createdAt: expect.any(String) });
    expect(Number.isNaN(Date.parse((stored as { createdAt: string }).createdAt))).toBe(false);
  });

  it('lists every organisation past KV’s page of 1,000 keys, and only organisations', async () => {
    const ids = Array.from({ length: 1_005 }, (_, i) => `many-${String(i).padStart(4, '0')}`);
    for (let i = 0; i < ids.length; i += 100) {
      await Promise.all(ids.slice(i, i + 100).map((id) => env.CONFIG.put(`orgs:${id}`, JSON.stringify({ id }))));
    }
    await env.CONFIG.put('other:many-x', '{}');
    const listed = await orgRegistry(kvConfig(env.CONFIG)).list();
    expect(listed.filter((id) => id.startsWith('many-')).sort()).toEqual(ids);
    expect(listed).toEqual(await orgRegistry(unstorageKv()).list());
  });
});

describe('screenshots on R2', () => {
  const bytes = (text: string) => new TextEncoder().encode(`\x89PNG\r\n\x1a\n${text}`) as Uint8Array<ArrayBuffer>;

  it('reads pictures unstorage stored, and unstorage reads the ones it stores', async () => {
    const before = bytes('stored by unstorage');
    await screenshotStore(unstorageR2()).put('acme', 'p1', 'before', before);
    const store = screenshotStore(r2Blobs(env.BLOBS));
    expect(await store.has('acme', 'p1', 'before')).toBe(true);
    expect(await store.get('acme', 'p1', 'before')).toEqual(before);
    expect(await store.has('acme', 'p2', 'before')).toBe(false);
    expect(await store.get('acme', 'p2', 'before')).toBeNull();

    const after = bytes('stored through the binding');
    await store.put('acme', 'p1', 'after', after);
    expect(await screenshotStore(unstorageR2()).get('acme', 'p1', 'after')).toEqual(after);
    expect((await env.BLOBS.list({ prefix: 'screenshots:acme:p1:' })).objects.map((o) => o.key).sort()).toEqual([
      'screenshots:acme:p1:after',
      'screenshots:acme:p1:before',
    ]);
  });

  it('keeps the first bytes under an id, and removes a picture (a missing one is no error)', async () => {
    const store = screenshotStore(r2Blobs(env.BLOBS));
    await store.put('acme', 'p1', 'same', bytes('first'));
    await store.put('acme', 'p1', 'same', bytes('second'));
    expect(await store.get('acme', 'p1', 'same')).toEqual(bytes('first'));
    await store.remove('acme', 'p1', 'same');
    await store.remove('acme', 'p1', 'same');
    expect(await store.has('acme', 'p1', 'same')).toBe(false);
    expect(await screenshotStore(unstorageR2()).has('acme', 'p1', 'same')).toBe(false);
  });
});
