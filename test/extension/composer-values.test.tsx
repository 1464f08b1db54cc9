import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ComposerForm, type ComposerHandlers } from '../../extension/entrypoints/sidepanel/composer-form.tsx';
import type { Api } from '../../extension/utils/api.ts';
import { request } from '../../extension/utils/messages.ts';
import type { Me } from '../../shared/session.ts';

vi.mock('../../extension/utils/messages.ts', () => ({ request: vi.fn(), send: vi.fn() }));
vi.mock('../../extension/utils/validation.ts', () => import('./answer-validation.ts'));

const person = { id: 'sam', name: 'Sam', email: 'sam@x.example', title: '', role: 'member' as const, active: true };
const meWith = (values: Me['values']): Me => ({
  org: { id: 'demo', name: 'Demo' },
  person: { ...person, departmentIds: [] },
  departments: [],
  values,
  preferences: { boardOptOut: false },
});
const client = {
  directory: vi.fn(async () => ({ entries: [{ kind: 'person', id: 'priya', name: 'Priya Natarajan', detail: '' }] })),
} as unknown as Api;
const backgroundAnswers = request as unknown as Mock;
let on: ComposerHandlers & { stale: Mock };

const chipNames = () =>
  within(screen.getByRole('group', { name: /^Values/ }))
    .getAllByRole('button')
    .map((b) => b.textContent);

async function thankPriya() {
  fireEvent.click(screen.getByRole('button', { name: 'Thank' }));
  const to = screen.getByRole('combobox', { name: 'To' });
  fireEvent.input(to, { target: { value: 'pri' } });
  fireEvent.keyDown(to, { key: 'Enter' });
  await screen.findByRole('button', { name: 'Remove Priya Natarajan' });
  fireEvent.input(screen.getByLabelText('Message'), { target: { value: 'Thank you' } });
}
const send = () => fireEvent.click(screen.getByRole('button', { name: 'Send' }));

describe("the composer's company values", () => {
  beforeEach(() => {
    fakeBrowser.reset();
    on = { sent: vi.fn(), saved: vi.fn(), followed: vi.fn(), opened: vi.fn(), stale: vi.fn() };
    backgroundAnswers.mockReset();
  });
  afterEach(cleanup);

  it('offers the active values in the order the admin set, and drops one retired since it was chosen', async () => {
    const values = [
      { id: 'v3', name: 'Curiosity' },
      { id: 'v1', name: 'Teamwork' },
      { id: 'v2', name: 'Craft' },
    ];
    const handle = { current: null };
    const ui = (me: Me) => <ComposerForm client={client} me={me} on={on} account="a" handle={handle} />;
    const { rerender } = render(ui(meWith(values)));
    await thankPriya();
    expect(chipNames()).toEqual(['Curiosity', 'Teamwork', 'Craft']);
    fireEvent.click(screen.getByRole('button', { name: 'Teamwork' }));
    fireEvent.click(screen.getByRole('button', { name: 'Craft' }));
    // An admin retired Teamwork; the server refuses it, the form says so beside the values and asks for fresh ones.
    backgroundAnswers.mockResolvedValueOnce({
      id: 'o1',
      outcome: { state: 'failed', message: 'Teamwork is retired', fields: { values: 'Teamwork is retired' } },
    });
    send();
    await screen.findByText('Teamwork is retired');
    expect(on.stale).toHaveBeenCalledTimes(1);
    rerender(ui(meWith(values.filter((v) => v.id !== 'v1'))));
    expect(chipNames()).toEqual(['Curiosity', 'Craft']);
    backgroundAnswers.mockResolvedValueOnce({ id: 'o2', outcome: { state: 'sent' } });
    send();
    await waitFor(() => expect(on.sent).toHaveBeenCalled());
    expect(backgroundAnswers.mock.lastCall?.[0].item.request.body.values).toEqual(['v2']);
  });
});
