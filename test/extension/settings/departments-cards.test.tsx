import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { itDepartment, payroll, renderDepartments } from './departments-fixtures.tsx';

describe('department cards', () => {
  afterEach(cleanup);

  it('lists each department with its members, offers, standard and hours', async () => {
    renderDepartments({}, [itDepartment, payroll]);
    const card = (await screen.findByRole('article', { name: /^IT/ })) as HTMLElement;
    expect(within(card).getByText('3 members')).toBeTruthy();
    expect(
      within(card)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Laptop', 'Access']);
    expect(within(card).getByText('First response within 4 business hours, resolved within 16')).toBeTruthy();
    expect(within(card).getByText('Mon–Fri, 08:30–17:30 (Europe/London)')).toBeTruthy();
    const other = screen.getByRole('article', { name: /^Payroll/ });
    expect(within(other).getByText('1 member')).toBeTruthy();
    expect(within(other).getByText('Nothing listed')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Edit Payroll' })).toBeTruthy();
  });

  it('says “1 business hour” for a one-hour first response', async () => {
    renderDepartments({}, [{ ...payroll, standard: { firstResponseHours: 1, resolutionHours: 8 } }]);
    await screen.findByText('First response within 1 business hour, resolved within 8');
  });

  it('says when there is no department yet', async () => {
    renderDepartments({}, []);
    await screen.findByText('No departments yet. Add one to give people somewhere to ask.');
    expect(screen.queryByRole('article')).toBeNull();
  });

  it('says why the list could not load, and pass the failure on', async () => {
    const boom = new Error('offline');
    const { ctx } = renderDepartments({}, boom);
    await screen.findByText('Could not load departments: offline');
    expect(ctx.failed).toHaveBeenCalledWith(boom);
  });

  it('Edit opens the form filled with the department; Cancel gives the card back with focus on Edit', async () => {
    renderDepartments({}, [itDepartment, payroll]);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit IT' }));
    const form = screen.getByRole('form', { name: 'Edit IT' });
    expect(within(form).queryByLabelText('Name')).toBeNull();
    expect(within(form).getByLabelText('Offers')).toHaveProperty('value', 'Laptop\nAccess');
    expect(document.activeElement).toBe(within(form).getByLabelText('Offers'));
    expect(within(form).getByLabelText('First response within (business hours)')).toHaveProperty('value', '4');
    expect(within(form).getByLabelText('Resolved within (business hours)')).toHaveProperty('value', '16');
    expect(within(form).getByLabelText('Time zone')).toHaveProperty('value', 'Europe/London');
    expect(within(form).getByLabelText('Opens')).toHaveProperty('value', '08:30');
    expect(within(form).getByLabelText('Closes')).toHaveProperty('value', '17:30');
    const days = within(form).getByRole('group', { name: 'Days' });
    const checked = within(days)
      .getAllByRole('checkbox')
      .filter((b) => (b as HTMLInputElement).checked)
      .map((b) => b.nextElementSibling?.textContent);
    expect(checked).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']);
    // The other department stays a card.
    expect(screen.getByRole('article', { name: /^Payroll/ })).toBeTruthy();

    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit IT' })));
    expect(screen.queryByRole('form')).toBeNull();
  });
});
