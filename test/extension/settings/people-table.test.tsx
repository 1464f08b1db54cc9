import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PeopleSection } from '../../../extension/entrypoints/settings/people-section.tsx';
import { ApiProblem, type PersonItem } from '../../../extension/utils/api.ts';
import { departments, invitation, lena, peopleApi, sam } from './people-fixtures.ts';
import { renderSection } from './render-settings.tsx';

const rowOf = (name: string) => screen.getByRole('rowheader', { name: new RegExp(name) }).closest('tr')!;

function renderPeople(client: Record<string, unknown> = {}) {
  const list = { current: [sam, lena] };
  const people = peopleApi(list);
  const rendered = renderSection(<PeopleSection />, { people, ...client } as never, departments);
  return { list, people, ...rendered };
}

describe('people table', () => {
  afterEach(cleanup);

  it('lists each person: name, email, title, departments by name, role, status, and their actions', async () => {
    renderPeople();
    await screen.findByText('2 people');
    const samRow = within(rowOf('Sam Rivera'));
    samRow.getByText('sam.rivera@northwind.example');
    samRow.getByText('Account Executive');
    samRow.getByText('Payroll, IT');
    samRow.getByText('Manager');
    samRow.getByText('Active');
    for (const action of ['Edit', 'Invite', 'Deactivate']) samRow.getByRole('button', { name: `${action} Sam Rivera` });

    const lenaRow = within(rowOf('Lena Fischer'));
    lenaRow.getByText('None');
    lenaRow.getByText('Member');
    lenaRow.getByText('Inactive');
    lenaRow.getByRole('button', { name: 'Reactivate Lena Fischer' });
    // Nobody invites a deactivated person: reactivate first.
    expect(lenaRow.queryByRole('button', { name: 'Invite Lena Fischer' })).toBeNull();
  });

  it('searches what was typed, once typing pauses, and says how many match', async () => {
    const { people } = renderPeople();
    await screen.findByText('2 people');
    expect(people).toHaveBeenCalledWith('');
    fireEvent.input(screen.getByLabelText('Search people'), { target: { value: ' sam ' } });
    await screen.findByText('1 person matches');
    expect(people).toHaveBeenLastCalledWith('sam');
    expect(screen.queryByText('Lena Fischer')).toBeNull();
    fireEvent.input(screen.getByLabelText('Search people'), { target: { value: 'nobody' } });
    await screen.findByText('Nobody matches this search.');
    screen.getByText('0 people match');
  });

  it('invites a person: the code and link open under their row, and Close gives focus back', async () => {
    const invite = vi.fn(async () => invitation);
    renderPeople({ invite });
    await screen.findByText('2 people');
    fireEvent.click(screen.getByRole('button', { name: 'Invite Sam Rivera' }));
    const code = await screen.findByRole('textbox', { name: 'Sign-in code' });
    expect(invite).toHaveBeenCalledWith('p-sam');
    expect(code).toHaveProperty('value', 'demo.ABCD-EFGH');
    expect(screen.getByRole('textbox', { name: 'Invitation link' })).toHaveProperty('value', invitation.link);
    screen.getByText('Invitation created for Sam Rivera. The code and link are below their row.');
    // Under Sam's row, and focused so it can be copied at once.
    expect(rowOf('Sam Rivera').nextElementSibling?.contains(code)).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(code));

    fireEvent.click(screen.getByRole('button', { name: 'Close invitation' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Sign-in code' })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Invite Sam Rivera' })));
  });

  it('deactivates and reactivates a person, says what it means, and keeps focus on the row', async () => {
    const { list, ctx } = renderPeople();
    const updatePerson = vi.fn(async (id: string, body: { active: boolean }) => {
      const changed = list.current.find((p) => p.id === id)!;
      const updated: PersonItem = { ...changed, active: body.active };
      list.current = list.current.map((p) => (p.id === id ? updated : p));
      return updated;
    });
    ctx.client.updatePerson = updatePerson as never;
    await screen.findByText('2 people');

    fireEvent.click(screen.getByRole('button', { name: 'Deactivate Sam Rivera' }));
    const reactivate = await screen.findByRole('button', { name: 'Reactivate Sam Rivera' });
    expect(updatePerson).toHaveBeenCalledWith('p-sam', { active: false });
    screen.getByText('Deactivated Sam Rivera: they can no longer sign in, and their sign-ins stopped working.');
    within(rowOf('Sam Rivera')).getByText('Inactive');
    await waitFor(() => expect(document.activeElement).toBe(reactivate));

    fireEvent.click(screen.getByRole('button', { name: 'Reactivate Lena Fischer' }));
    await screen.findByRole('button', { name: 'Deactivate Lena Fischer' });
    expect(updatePerson).toHaveBeenLastCalledWith('p-lena', { active: true });
    screen.getByText('Reactivated Lena Fischer. Invite them to give them a new sign-in code.');
  });

  it('says why an action failed, and passes the failure on (a 401 signs the page out)', async () => {
    const refusal = new ApiProblem('forbidden', 'Admins only', {}, 403);
    const { ctx } = renderPeople({ invite: vi.fn().mockRejectedValue(refusal) });
    await screen.findByText('2 people');
    fireEvent.click(screen.getByRole('button', { name: 'Invite Sam Rivera' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Could not invite Sam Rivera: Admins only'));
    expect(ctx.failed).toHaveBeenCalledWith(refusal);
    expect(screen.queryByRole('textbox', { name: 'Sign-in code' })).toBeNull();
  });

  it('says when the list cannot load', async () => {
    renderSection(<PeopleSection />, { people: vi.fn().mockRejectedValue(new Error('offline')) } as never);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Could not load people: offline'));
  });
});
