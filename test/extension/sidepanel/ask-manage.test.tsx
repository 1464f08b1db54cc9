import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageOfMembers } from '../../../extension/entrypoints/sidepanel/assignee-picker.tsx';
import { ApiProblem } from '../../../extension/utils/api.ts';
import { aDetail, mountDetail, omar, priya, unmountDetails } from './ask-fixtures.ts';
import { departmentSearch, members } from './assignee-fixtures.ts';

const status = () => document.getElementById('ask-status')?.textContent;
const options = () => screen.queryAllByRole('option').map((o) => o.textContent);

describe('assigning an ask', () => {
  afterEach(unmountDetails);

  it('searches the department of 1,250 as the person types, and assigns with Enter', async () => {
    const assign = vi.fn(async () => aDetail({ assignee: omar }, { canAssign: true }));
    const assignees = vi.fn(departmentSearch(members));
    const { view, on } = mountDetail({ assign, assignees });
    view.open(aDetail({}, { canAssign: true }));
    const field = await screen.findByRole('combobox', { name: 'Assign to' });
    expect(field).toHaveProperty('value', 'Unassigned');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(assignees).not.toHaveBeenCalled();

    fireEvent.click(field);
    await waitFor(() => expect(options()).toHaveLength(pageOfMembers));
    expect(assignees).toHaveBeenLastCalledWith('a_1', '', pageOfMembers);
    expect(screen.getByText(`Showing the first ${pageOfMembers} by name. Type more of a name to narrow.`)).toBeTruthy();

    // A burst of keys is one search, for what was typed last.
    for (const text of ['h', 'ha', 'haddad om']) fireEvent.input(field, { target: { value: text } });
    await waitFor(() => expect(options()).toEqual(['Omar Haddad']));
    expect(assignees.mock.calls.map((c) => c[1])).toEqual(['', 'haddad om']);
    expect(field.getAttribute('aria-expanded')).toBe('true');
    expect(field.getAttribute('aria-activedescendant')).toBe('detail-assignee-option-p_omar');
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(status()).toBe('Assigned to Omar Haddad.'));
    expect(assign).toHaveBeenCalledWith('a_1', 'p_omar');
    expect(screen.getByRole('combobox', { name: 'Assign to' })).toHaveProperty('value', 'Omar Haddad');
    expect(on.changed).toHaveBeenCalled();
  });

  it('unassigns, and puts the assignee back when the server refuses', async () => {
    const assign = vi.fn().mockRejectedValueOnce(new ApiProblem('forbidden', 'Only Payroll may assign', {}, 403));
    const { view } = mountDetail({ assign, assignees: vi.fn(departmentSearch(members)) });
    view.open(aDetail({ assignee: priya }, { canAssign: true }));
    const field = await screen.findByRole('combobox', { name: 'Assign to' });
    expect(field).toHaveProperty('value', 'Priya Natarajan');
    fireEvent.click(field);
    expect(options()[0]).toBe('Unassigned');
    fireEvent.click(screen.getByRole('option', { name: 'Unassigned' }));
    expect(assign).toHaveBeenCalledWith('a_1', null);
    await waitFor(() => expect(document.getElementById('ask-alert')?.textContent).toBe('Only Payroll may assign'));
    await waitFor(() => expect(field).toHaveProperty('value', 'Priya Natarajan'));
  });
});

describe('forwarding an ask', () => {
  afterEach(unmountDetails);

  it('lists the other departments, forwards with the note, and goes back when the ask is out of reach', async () => {
    const forward = vi.fn(async () => ({}) as never);
    const ask = vi.fn().mockRejectedValue(new ApiProblem('not_found', 'Not found', {}, 404));
    const { view, on } = mountDetail({ forward, ask });
    view.open(aDetail({}, { canForward: true }));
    const to = await screen.findByRole('combobox', { name: 'Forward to' });
    await waitFor(() =>
      expect([...(to as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
        'Choose a department',
        'IT Help',
        'Facilities',
      ]),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Forward' }));
    expect(await screen.findByText('Choose where to forward it')).toBeTruthy();
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(forward).not.toHaveBeenCalled();

    fireEvent.change(to, { target: { value: 'd_it' } });
    fireEvent.input(screen.getByLabelText('Note for them (optional)'), { target: { value: ' Laptop, not pay. ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Forward' }));
    await waitFor(() => expect(on.gone).toHaveBeenCalledWith('Forwarded to IT Help. It is in their queue now.'));
    expect(forward).toHaveBeenCalledWith('a_1', 'd_it', 'Laptop, not pay.');
    expect(on.changed).toHaveBeenCalled();
  });

  it('shows the ask where it went when the reader may still see it', async () => {
    const forward = vi.fn(async () => ({}) as never);
    const ask = vi.fn(async () =>
      aDetail({ to: { kind: 'department', id: 'd_it', name: 'IT Help' } }, { canForward: true }),
    );
    const { view, on } = mountDetail({ forward, ask });
    view.open(aDetail({}, { canForward: true }));
    const to = await screen.findByRole('combobox', { name: 'Forward to' });
    await screen.findByRole('option', { name: 'IT Help' });
    fireEvent.change(to, { target: { value: 'd_it' } });
    fireEvent.click(screen.getByRole('button', { name: 'Forward' }));
    await waitFor(() => expect(status()).toBe('Forwarded to IT Help.'));
    expect(screen.getAllByRole('definition')[0].textContent).toBe('IT Help');
    expect(screen.queryByRole('option', { name: 'IT Help' })).toBeNull();
    expect(screen.getByRole('option', { name: 'Payroll' })).toBeTruthy();
    expect(on.gone).not.toHaveBeenCalled();
  });

  it('keeps the choice and says why when the forward fails', async () => {
    const forward = vi.fn().mockRejectedValue(new ApiProblem('forbidden', 'Only Payroll may forward', {}, 403));
    const { view, on } = mountDetail({ forward });
    view.open(aDetail({}, { canForward: true }));
    const to = await screen.findByRole('combobox', { name: 'Forward to' });
    await screen.findByRole('option', { name: 'IT Help' });
    fireEvent.change(to, { target: { value: 'd_it' } });
    fireEvent.click(screen.getByRole('button', { name: 'Forward' }));
    await waitFor(() => expect(document.getElementById('ask-alert')?.textContent).toBe('Only Payroll may forward'));
    expect(on.failed).toHaveBeenCalled();
    expect(to).toHaveProperty('value', 'd_it');
  });

  it('says when the departments could not be loaded', async () => {
    const { view, on } = mountDetail({});
    on.departments.mockRejectedValueOnce(new Error('offline'));
    view.open(aDetail({}, { canForward: true }));
    expect(await screen.findByText('Could not load departments: offline')).toBeTruthy();
  });
});
