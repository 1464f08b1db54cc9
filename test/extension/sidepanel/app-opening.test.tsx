import { cleanup, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { App } from '../../../extension/entrypoints/sidepanel/app.tsx';
import { composeIntentItem, sessionItem } from '../../../extension/utils/storage.ts';
import { me } from './fixtures.ts';

// The signed-in views say only which view they started on (their first render's, as the real ones keep it).
vi.mock('../../../extension/entrypoints/sidepanel/signed-in.tsx', () => ({
  SignedIn: ({ composing }: { composing: boolean }) => {
    const [first] = useState(composing);
    return <p>{first ? 'Starts on New' : 'Starts on Inbox'}</p>;
  },
}));

const session = (token: string) => ({ serverUrl: 'http://127.0.0.1:8787', token, me });

describe('the panel’s first view', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  it('starts on the composer when a shortcut opened it, and on the inbox for a later sign-in in the same panel', async () => {
    await sessionItem.setValue(session('t1'));
    await composeIntentItem.setValue({ mode: 'ask', at: Date.now() });
    render(<App />);
    await screen.findByText('Starts on New');
    // Signed in again (another token) while the panel stays open: nothing asked for the composer this time.
    await sessionItem.setValue(session('t2'));
    await screen.findByText('Starts on Inbox');
  });

  it('starts on the inbox when nothing asked for the composer', async () => {
    await sessionItem.setValue(session('t1'));
    render(<App />);
    await screen.findByText('Starts on Inbox');
  });
});
