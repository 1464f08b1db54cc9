import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AssigneePicker, matching, shownAtOnce } from '../../../extension/entrypoints/sidepanel/assignee-picker.tsx';
import { ApiProblem } from '../../../extension/utils/api.ts';
import { aDetail, mountDetail, omar, priya, unmountDetails } from './ask-fixtures.ts';

/** A department of 1,250 people, as the API lists its active members in `actions.assignees`. */
const crowd = Array.from({ length: 1250 }, (_, i) => ({ id: `p_${i}`, name: `Member ${String(i).padStart(4, '0')}` }));
const members = [...crowd.slice(0, 600), priya, omar, { id: 'p_zoe', name: 'Zoë Álvarez' }, ...crowd.slice(600)];

const status = () => document.getElementById('ask-status')?.textContent;
const options = () => screen.queryAllByRole('option').map((o) => o.textContent);

describe('assigning an ask', () => {
  afterEach(unmountDetails);

  it('finds one person among 1,250 by typing, and assigns them with Enter', async () => {
    const assign = vi.fn(async () => aDetail({ assignee: omar }, { canAssign: true, assignees: members }));
    const { view, on } = mountDetail({ assign });
    view.open(aDetail({}, { canAssign: true, assignees: members }));
    const field = await screen.findByRole('combobox', { name: 'Assign to' });
    expect(field).toHaveProperty('value', 'Unassigned');
    expect(screen.queryByRole('listbox')).toBeNull();

    fireEvent.click(field);
    expect(options()).toHaveLength(shownAtOnce);
    expect(
      screen.getByText(`${members.length} people match: showing ${shownAtOnce}. Type more of a name to narrow.`),
    ).toBeTruthy();

    fireEvent.input(field, { target: { value: 'haddad om' } });
    expect(options()).toEqual(['Omar Haddad']);
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
    const { view } = mountDetail({ assign });
    view.open(aDetail({ assignee: priya }, { canAssign: true, assignees: members }));
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

describe('the assignee picker', () => {
  afterEach(cleanup);

  it('matches every word typed, in any order, accents aside', () => {
    expect(matching(members, 'alvarez zoe').map((p) => p.name)).toEqual(['Zoë Álvarez']);
    expect(matching(members, '  ')).toHaveLength(members.length);
    expect(matching(members, 'MEMBER 1249').map((p) => p.name)).toEqual(['Member 1249']);
  });

  it('moves with the arrows, says when no one matches, and Escape puts the assignee back', () => {
    const onAssign = vi.fn(async () => {});
    render(<AssigneePicker assignees={members} current={priya} onAssign={onAssign} />);
    const field = screen.getByRole('combobox', { name: 'Assign to' });
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(field.getAttribute('aria-activedescendant')).toBe('detail-assignee-option-none');
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(field.getAttribute('aria-activedescendant')).toBe('detail-assignee-option-p_0');
    expect(screen.getByRole('option', { name: 'Member 0000' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.input(field, { target: { value: 'nobody at all' } });
    expect(screen.getByText('No one in the department matches “nobody at all”.')).toBeTruthy();
    expect(field.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(field).toHaveProperty('value', 'Priya Natarajan');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(onAssign).not.toHaveBeenCalled();
  });

  it('does not call the server for the person already assigned', () => {
    const onAssign = vi.fn(async () => {});
    render(<AssigneePicker assignees={members} current={priya} onAssign={onAssign} />);
    const field = screen.getByRole('combobox', { name: 'Assign to' });
    fireEvent.input(field, { target: { value: 'priya' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(onAssign).not.toHaveBeenCalled();
    expect(field).toHaveProperty('value', 'Priya Natarajan');
  });

  it('keeps an assignee who has left the department choosable', () => {
    render(<AssigneePicker assignees={[omar]} current={priya} onAssign={vi.fn()} />);
    fireEvent.click(screen.getByRole('combobox', { name: 'Assign to' }));
    expect(options()).toEqual(['Unassigned', 'Omar Haddad', 'Priya Natarajan']);
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
