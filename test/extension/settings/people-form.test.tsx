import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PeopleSection } from '../../../extension/entrypoints/settings/people-section.tsx';
import { ApiProblem, type NewPersonInput, type PersonItem } from '../../../extension/utils/api.ts';
import { departments, lena, peopleApi, sam } from './people-fixtures.ts';
import { renderSection } from './render-settings.tsx';

function renderPeople(client: Record<string, unknown>) {
  const list = { current: [sam, lena] };
  const rendered = renderSection(<PeopleSection />, { people: peopleApi(list), ...client } as never, departments);
  return { list, ...rendered };
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('person form', () => {
  afterEach(cleanup);

  it('adds a person with what was typed and chosen, then offers to invite them', async () => {
    const list = { current: [sam, lena] };
    const createPerson = vi.fn(async (body: NewPersonInput) => {
      const person: PersonItem = { id: 'p-noor', active: true, ...body, title: body.title ?? '' } as PersonItem;
      list.current = [...list.current, person];
      return person;
    });
    renderSection(<PeopleSection />, { people: peopleApi(list), createPerson } as never, departments);
    await screen.findByText('2 people');
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    const name = await screen.findByLabelText('Name');
    screen.getByRole('form', { name: 'New person' });
    await waitFor(() => expect(document.activeElement).toBe(name));

    type('Name', 'Noor Haddad');
    type('Email', 'noor.haddad@northwind.example');
    type('Title (optional)', 'Payroll Analyst');
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'manager' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Payroll' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create person' }));

    await screen.findByText('Added Noor Haddad. Invite them to give them a sign-in code.');
    expect(createPerson).toHaveBeenCalledWith(
      {
        name: 'Noor Haddad',
        email: 'noor.haddad@northwind.example',
        title: 'Payroll Analyst',
        role: 'manager',
        departmentIds: ['d-pay'],
      },
      expect.stringMatching(/^[0-9a-f-]{36}$/),
    );
    expect(screen.queryByRole('form', { name: 'New person' })).toBeNull();
    const invite = await screen.findByRole('button', { name: 'Invite Noor Haddad' });
    await waitFor(() => expect(document.activeElement).toBe(invite));
  });

  it('puts a refusal beside its field, and a retry sends the same idempotency key', async () => {
    const refusal = new ApiProblem('validation_failed', 'Invalid', { email: 'Someone already has this email' }, 400);
    const createPerson = vi.fn().mockRejectedValue(refusal);
    renderPeople({ createPerson });
    await screen.findByText('2 people');
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    await screen.findByLabelText('Name');
    type('Name', 'Sam Again');
    type('Email', 'sam.rivera@northwind.example');
    fireEvent.click(screen.getByRole('button', { name: 'Create person' }));

    await screen.findByText('Someone already has this email');
    const email = screen.getByLabelText('Email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const errorId = email.getAttribute('aria-describedby')!;
    expect(document.getElementById(errorId)?.textContent).toBe('Someone already has this email');
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
    screen.getByText('Could not add the person: check the marked fields.');
    await waitFor(() => expect(document.activeElement).toBe(email));

    fireEvent.click(screen.getByRole('button', { name: 'Create person' }));
    await waitFor(() => expect(createPerson).toHaveBeenCalledTimes(2));
    expect(createPerson.mock.calls[1][1]).toBe(createPerson.mock.calls[0][1]);
  });

  it('Cancel closes the form and gives focus back to Add person', async () => {
    renderPeople({});
    await screen.findByText('2 people');
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    await screen.findByLabelText('Name');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    const add = screen.getByRole('button', { name: 'Add person' });
    await waitFor(() => expect(document.activeElement).toBe(add));
    expect(screen.queryByLabelText('Name')).toBeNull();
  });

  it('edits a person under their row: the email shows but cannot change, and is not sent', async () => {
    const list = { current: [sam, lena] };
    const updatePerson = vi.fn(async (id: string, body: Partial<PersonItem>) => {
      const updated = { ...list.current.find((p) => p.id === id)!, ...body };
      list.current = list.current.map((p) => (p.id === id ? updated : p));
      return updated;
    });
    renderSection(<PeopleSection />, { people: peopleApi(list), updatePerson } as never, departments);
    await screen.findByText('2 people');
    fireEvent.click(screen.getByRole('button', { name: 'Edit Sam Rivera' }));
    await screen.findByRole('form', { name: 'Edit Sam Rivera' });

    expect(screen.queryByLabelText('Email')).toBeNull();
    screen.getByText('Email: sam.rivera@northwind.example (it identifies the person and cannot change)');
    expect(screen.getByLabelText('Name')).toHaveProperty('value', 'Sam Rivera');
    expect(screen.getByLabelText('Role')).toHaveProperty('value', 'manager');
    expect(screen.getByRole('checkbox', { name: 'Payroll' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'IT' })).toHaveProperty('checked', true);

    type('Title (optional)', 'Sales Director');
    fireEvent.click(screen.getByRole('checkbox', { name: 'IT' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await screen.findByText('Saved Sam Rivera.');
    expect(updatePerson).toHaveBeenCalledWith('p-sam', {
      name: 'Sam Rivera',
      title: 'Sales Director',
      role: 'manager',
      departmentIds: ['d-pay'],
    });
    await screen.findByText('Sales Director');
    expect(screen.queryByRole('form', { name: 'Edit Sam Rivera' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit Sam Rivera' })));
  });
});
