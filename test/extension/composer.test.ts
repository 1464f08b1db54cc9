import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { composer } from '../../extension/components/composer.ts';
import { api } from '../../extension/utils/api.ts';

const me = {
  org: { id: 'demo', name: 'Demo' },
  person: {
    id: 'sam',
    name: 'Sam',
    email: 'sam@example.com',
    title: '',
    role: 'member' as const,
    active: true,
    departmentIds: [],
  },
  departments: [],
  values: [],
  preferences: { boardOptOut: false },
};
const noop = { sent() {}, saved() {}, followed() {} };

describe('the composer after a quick capture', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ entries: [] }), { status: 200 }));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const open = () => {
    const c = composer(api({ serverUrl: 'https://tandem.example', token: 't' }), me, noop, 'a');
    document.body.replaceChildren(c.el);
    return c;
  };
  const note = () => document.getElementById('keyboard-note') as HTMLElement;

  it('says the keyboard is still on the page when the browser left the panel without it, until it gets it', () => {
    const c = open();
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    c.start('thank');
    expect(document.activeElement?.id).toBe('recipient');
    expect(note().hidden).toBe(false);
    expect(note().textContent).toContain('click here');
    window.dispatchEvent(new Event('focus'));
    expect(note().hidden).toBe(true);
  });

  it('says nothing when the panel has the keyboard', () => {
    const c = open();
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    c.start('ask');
    expect(document.activeElement?.id).toBe('recipient');
    expect(note().hidden).toBe(true);
  });
});
