import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AssigneePicker, matches } from '../../../extension/entrypoints/sidepanel/assignee-picker.tsx';
import { ApiProblem, type AssigneeItem } from '../../../extension/utils/api.ts';
import { later, omar, priya } from './ask-fixtures.ts';
import { departmentSearch, members } from './assignee-fixtures.ts';

const options = () => screen.queryAllByRole('option').map((o) => o.textContent);
const note = () => document.getElementById('detail-assignee-note')?.textContent;
const field = () => screen.getByRole('combobox', { name: 'Assign to' });
/** The department's search, as the detail hands it to the picker (the ask's id already given). */
const searching = (people = members) => {
  const search = departmentSearch(people);
  return vi.fn((q: string) => search('a_1', q).then((r) => r.people));
};

describe('the assignee picker', () => {
  afterEach(cleanup);

  it('matches every word typed, in any order, accents aside (to keep the assignee choosable)', () => {
    expect(matches('Zoë Álvarez', 'alvarez zoe')).toBe(true);
    expect(matches('Zoë Álvarez', '  ')).toBe(true);
    expect(matches('Member 1249', 'MEMBER 1249')).toBe(true);
    expect(matches('Member 1249', 'member 1248')).toBe(false);
  });

  it("shows each member's title beside their name", async () => {
    render(<AssigneePicker search={searching()} current={null} onAssign={vi.fn()} />);
    fireEvent.input(field(), { target: { value: 'zoe' } });
    await waitFor(() => expect(options()).toEqual(['Zoë ÁlvarezPayroll Clerk']));
  });

  it('moves with the arrows, says when no one matches, and Escape puts the assignee back', async () => {
    const onAssign = vi.fn(async () => {});
    render(<AssigneePicker search={searching()} current={priya} onAssign={onAssign} />);
    fireEvent.keyDown(field(), { key: 'ArrowDown' });
    expect(field().getAttribute('aria-activedescendant')).toBe('detail-assignee-option-none');
    await waitFor(() => expect(options()).toHaveLength(21));
    fireEvent.keyDown(field(), { key: 'ArrowDown' });
    expect(field().getAttribute('aria-activedescendant')).toBe('detail-assignee-option-p_0');
    expect(screen.getByRole('option', { name: 'Member 0000' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(field(), { key: 'ArrowUp' });
    fireEvent.keyDown(field(), { key: 'ArrowUp' });
    expect(field().getAttribute('aria-activedescendant')).toBe('detail-assignee-option-none');
    fireEvent.input(field(), { target: { value: 'nobody at all' } });
    await waitFor(() => expect(note()).toBe('No one in the department matches “nobody at all”.'));
    expect(field().getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(field(), { key: 'Escape' });
    expect(field()).toHaveProperty('value', 'Priya Natarajan');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(note()).toBe('');
    expect(onAssign).not.toHaveBeenCalled();
  });

  it('ignores a slower answer to an earlier query', async () => {
    const slow = later<AssigneeItem[]>();
    const search = vi.fn(async (q: string) => (q === 'o' ? slow.promise : [omar]));
    render(<AssigneePicker search={search} current={null} onAssign={vi.fn()} />);
    fireEvent.input(field(), { target: { value: 'o' } });
    await waitFor(() => expect(search).toHaveBeenCalledWith('o'));
    fireEvent.input(field(), { target: { value: 'omar' } });
    await waitFor(() => expect(options()).toEqual(['Omar Haddad']));
    slow.resolve(members.slice(0, 20));
    await slow.promise;
    await new Promise((r) => setTimeout(r, 20));
    expect(options()).toEqual(['Omar Haddad']);
  });

  it('assigns from the answer for what is typed when Enter beats the search', async () => {
    const onAssign = vi.fn(async () => {});
    render(<AssigneePicker search={searching()} current={priya} onAssign={onAssign} />);
    fireEvent.click(field());
    await waitFor(() => expect(options()).toHaveLength(21));
    fireEvent.input(field(), { target: { value: 'haddad' } });
    fireEvent.keyDown(field(), { key: 'Enter' });
    await waitFor(() => expect(onAssign).toHaveBeenCalledWith('p_omar', 'Omar Haddad'));
  });

  it('does not call the server for the person already assigned', async () => {
    const onAssign = vi.fn(async () => {});
    render(<AssigneePicker search={searching()} current={priya} onAssign={onAssign} />);
    fireEvent.input(field(), { target: { value: 'priya' } });
    await waitFor(() => expect(options()).toEqual(['Priya Natarajan']));
    fireEvent.keyDown(field(), { key: 'Enter' });
    expect(onAssign).not.toHaveBeenCalled();
    expect(field()).toHaveProperty('value', 'Priya Natarajan');
  });

  it('keeps an assignee who has left the department choosable', async () => {
    render(<AssigneePicker search={searching([omar])} current={priya} onAssign={vi.fn()} />);
    fireEvent.click(field());
    await waitFor(() => expect(options()).toEqual(['Unassigned', 'Omar Haddad', 'Priya Natarajan']));
    fireEvent.input(field(), { target: { value: 'natar' } });
    await waitFor(() => expect(options()).toEqual(['Priya Natarajan']));
  });

  it('says when the server cannot be reached, and when the search failed', async () => {
    const search = vi
      .fn<(q: string) => Promise<AssigneeItem[]>>()
      .mockRejectedValueOnce(new ApiProblem('network', 'Cannot reach the server.'))
      .mockRejectedValueOnce(new ApiProblem('unavailable', 'Storage is unavailable', {}, 503));
    render(<AssigneePicker search={search} current={priya} onAssign={vi.fn()} />);
    fireEvent.click(field());
    await waitFor(() =>
      expect(note()).toBe('Cannot reach the server to search the department. Try again once you are online.'),
    );
    fireEvent.input(field(), { target: { value: 'om' } });
    await waitFor(() => expect(note()).toBe('Could not search the department: Storage is unavailable'));
  });
});
