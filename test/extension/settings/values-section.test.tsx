import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValuesSection } from '../../../extension/entrypoints/settings/values-section.tsx';
import { ApiProblem, type ValueItem } from '../../../extension/utils/api.ts';
import { renderSection } from './render-settings.tsx';

/** The values API over a list kept here, as the server keeps it: active ones in order, then retired ones. */
function fakeValues(start: string[]) {
  let list: ValueItem[] = start.map((name, i) => ({ id: `v${i}`, name, retired: false }));
  const sorted = () => [...list.filter((v) => !v.retired), ...list.filter((v) => v.retired)];
  const client = {
    values: vi.fn(async () => ({ values: sorted() })),
    createValue: vi.fn(async (name: string, _key: string) => {
      const added = { id: `v${list.length}`, name: name.trim(), retired: false };
      list = [...sorted().filter((v) => !v.retired), added, ...list.filter((v) => v.retired)];
      return added;
    }),
    updateValue: vi.fn(async (id: string, patch: { name?: string; retired?: boolean }) => {
      const value = { ...(list.find((v) => v.id === id) as ValueItem), ...patch };
      list = list.map((v) => (v.id === id ? value : v));
      if (patch.retired === false) list = [...list.filter((v) => v.id !== id), value];
      return value;
    }),
    reorderValues: vi.fn(async (ids: string[]) => {
      list = [...ids.map((id) => list.find((v) => v.id === id) as ValueItem), ...list.filter((v) => v.retired)];
      return { values: sorted().filter((v) => !v.retired) };
    }),
  };
  return client;
}

const inUse = () =>
  within(document.getElementById('value-list') as HTMLElement)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.value-name')?.textContent);
const status = () => document.getElementById('values-status')?.textContent;

describe('values section', () => {
  afterEach(cleanup);

  it('adds a value at the end, and keeps the add key until it is added', async () => {
    const client = fakeValues(['Customer first', 'Craft']);
    renderSection(<ValuesSection />, client as never);
    await screen.findByText('Customer first');
    fireEvent.input(screen.getByLabelText('New value'), { target: { value: 'Curiosity' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add value' }));
    await waitFor(() => expect(inUse()).toEqual(['Customer first', 'Craft', 'Curiosity']));
    expect(status()).toBe('Added Curiosity at the end of the list.');
    expect(screen.getByLabelText('New value')).toHaveProperty('value', '');
    expect(screen.getByRole('heading', { name: 'In use (3 of 12)' })).toBeTruthy();
  });

  it('shows a refusal on the name field, and says why in the alert', async () => {
    const client = fakeValues(['Craft']);
    client.createValue.mockRejectedValueOnce(
      new ApiProblem('conflict', 'There is a value called Craft already', { name: 'Already a value' }, 409),
    );
    renderSection(<ValuesSection />, client as never);
    await screen.findByText('Craft');
    fireEvent.input(screen.getByLabelText('New value'), { target: { value: 'craft' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add value' }));
    await screen.findByText('Already a value');
    const field = screen.getByLabelText('New value');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain('value-new-error');
    expect(screen.getByText('Could not add the value: There is a value called Craft already')).toBeTruthy();
    expect(field).toHaveProperty('value', 'craft');
    expect(inUse()).toEqual(['Craft']);
  });

  it('renames in place, Escape cancels, and focus goes back to Rename', async () => {
    const client = fakeValues(['Teamwork', 'Craft']);
    renderSection(<ValuesSection />, client as never);
    fireEvent.click(await screen.findByRole('button', { name: 'Rename Teamwork' }));
    const field = screen.getByLabelText('New name for Teamwork');
    fireEvent.keyDown(field, { key: 'Escape' });
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Rename Teamwork'));
    fireEvent.click(screen.getByRole('button', { name: 'Rename Teamwork' }));
    fireEvent.input(screen.getByLabelText('New name for Teamwork'), { target: { value: 'Team work' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(inUse()).toEqual(['Team work', 'Craft']));
    expect(client.updateValue).toHaveBeenCalledWith('v0', { name: 'Team work' });
    expect(status()).toBe('Renamed Teamwork to Team work.');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Rename Team work'));
  });

  it('moves a value up and down with buttons named for it, keeping focus on the row', async () => {
    const client = fakeValues(['Customer first', 'Ownership', 'Craft']);
    renderSection(<ValuesSection />, client as never);
    expect((await screen.findByRole('button', { name: 'Move Customer first up' })).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Move Craft down' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Move Craft up' }));
    await waitFor(() => expect(inUse()).toEqual(['Customer first', 'Craft', 'Ownership']));
    expect(client.reorderValues).toHaveBeenLastCalledWith(['v0', 'v2', 'v1']);
    expect(status()).toBe('Craft is now number 2 of 3.');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Move Craft up'));
    fireEvent.click(screen.getByRole('button', { name: 'Move Craft up' }));
    await waitFor(() => expect(inUse()).toEqual(['Craft', 'Customer first', 'Ownership']));
    // At the top its Up button is disabled: focus moves to Down.
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Move Craft down'));
  });

  it('retires a value into the retired list and restores it at the end', async () => {
    const client = fakeValues(['Customer first', 'Ownership', 'Craft']);
    renderSection(<ValuesSection />, client as never);
    fireEvent.click(await screen.findByRole('button', { name: 'Retire Ownership' }));
    await waitFor(() => expect(inUse()).toEqual(['Customer first', 'Craft']));
    const retired = document.getElementById('retired-value-list') as HTMLElement;
    expect(within(retired).getByText('Ownership')).toBeTruthy();
    await waitFor(() =>
      expect(status()).toBe('Retired Ownership. It stays on past thank-yous and in reports; restore it any time.'),
    );
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Restore Ownership'));
    fireEvent.click(screen.getByRole('button', { name: 'Restore Ownership' }));
    await waitFor(() => expect(inUse()).toEqual(['Customer first', 'Craft', 'Ownership']));
    expect(document.getElementById('retired-value-list')).toBeNull();
    expect(client.updateValue.mock.calls).toEqual([
      ['v1', { retired: true }],
      ['v1', { retired: false }],
    ]);
  });

  it('says a failed move in the alert and keeps the order', async () => {
    const client = fakeValues(['Customer first', 'Craft']);
    client.reorderValues.mockRejectedValueOnce(new ApiProblem('forbidden', 'Only admins reorder values', {}, 403));
    renderSection(<ValuesSection />, client as never);
    fireEvent.click(await screen.findByRole('button', { name: 'Move Craft up' }));
    await screen.findByText('Could not move Craft: Only admins reorder values');
    expect(inUse()).toEqual(['Customer first', 'Craft']);
  });
});
