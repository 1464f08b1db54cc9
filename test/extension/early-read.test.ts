import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { firstRead, peekEarly, readEarly } from '../../extension/utils/early-read.ts';
import { storedItem } from '../../extension/utils/stored-item.ts';

const intent = storedItem<string | null>('session:intentForTest', null);

describe('early reads', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('hands the read started early to its first reader only', async () => {
    await intent.setValue('ask');
    readEarly(intent);
    const get = vi.spyOn(intent, 'getValue');
    expect(await firstRead(intent)).toBe('ask');
    expect(get).not.toHaveBeenCalled();
    await firstRead(intent);
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('reads again when the item changed after the early read began (no write is missed before a watch)', async () => {
    readEarly(intent);
    await intent.setValue('thank');
    expect(await firstRead(intent)).toBe('thank');
  });

  it('lets the panel look at an early read without taking it from its first reader', async () => {
    await intent.setValue('ask');
    readEarly(intent);
    const get = vi.spyOn(intent, 'getValue');
    const peeked = peekEarly(intent);
    const first = firstRead(intent);
    expect([await peeked, await first]).toEqual(['ask', 'ask']);
    expect(get).not.toHaveBeenCalled();
  });
});
