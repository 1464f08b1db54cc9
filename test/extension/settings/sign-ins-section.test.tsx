import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignInsSection } from '../../../extension/entrypoints/settings/sign-ins-section.tsx';
import type { TokenItem } from '../../../extension/utils/api.ts';
import { renderSection } from './render-settings.tsx';

const tokens = [
  { id: 't-1', label: 'Chrome on Mac', current: true, createdAt: '2030-01-02T09:00:00.000Z' },
  { id: 't-2', label: '', current: false, createdAt: '2030-01-03T09:00:00.000Z' },
] as TokenItem[];

function renderSignIns(revoked: number) {
  const signOutEverywhere = vi.fn(async () => ({ revoked }));
  return renderSection(<SignInsSection />, { tokens: async () => ({ tokens }), signOutEverywhere } as never);
}

describe('sign-ins section', () => {
  afterEach(cleanup);

  it('lists each sign-in, naming this browser and an unnamed one', async () => {
    renderSignIns(1);
    const list = await screen.findByRole('list', { name: 'Your sign-ins' });
    await within(list).findByText('Chrome on Mac');
    within(list).getByText('This browser');
    within(list).getByText('Unnamed sign-in');
    expect(within(list).getAllByText(/^Signed in .*2030/)).toHaveLength(2);
  });

  it.each([
    [1, 'Signed out everywhere (1 sign-in). Sign in again from the Tandem panel.'],
    [3, 'Signed out everywhere (3 sign-ins). Sign in again from the Tandem panel.'],
  ])('signing out everywhere (%i) says how many sign-ins ended', async (revoked, said) => {
    const { ctx } = renderSignIns(revoked);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));
    screen.getByText('Sign out of every browser and client, this one included? Each will need a new sign-in code.');
    fireEvent.click(screen.getByRole('button', { name: 'Yes, sign out everywhere' }));
    await vi.waitFor(() => expect(ctx.signedOut).toHaveBeenCalledWith(said));
  });
});
