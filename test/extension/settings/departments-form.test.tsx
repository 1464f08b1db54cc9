import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem, type DepartmentItem } from '../../../extension/utils/api.ts';
import { itDepartment, payroll, renderDepartments } from './departments-fixtures.tsx';

const type = (field: HTMLElement, value: string) => fireEvent.input(field, { target: { value } });
const box = (form: HTMLElement, day: string) => within(form).getByLabelText(day) as HTMLInputElement;

describe('department form', () => {
  afterEach(cleanup);

  it('adds a department with its name, offers, standard and hours, then shows it', async () => {
    const facilities: DepartmentItem = {
      id: 'dep-fac',
      name: 'Facilities',
      offers: ['Desk', 'Keys'],
      standard: { firstResponseHours: 2, resolutionHours: 24 },
      hours: { timeZone: 'Europe/Paris', days: [2, 3, 4, 5, 6], start: '07:00', end: '15:30' },
      memberCount: 0,
    };
    const createDepartment = vi.fn(async () => facilities);
    const { ctx } = renderDepartments({ createDepartment }, [payroll], [payroll, facilities]);
    await screen.findByRole('article', { name: /^Payroll/ });
    fireEvent.click(screen.getByRole('button', { name: 'Add department' }));

    const form = screen.getByRole('form', { name: 'New department' });
    expect(screen.queryByRole('button', { name: 'Add department' })).toBeNull();
    const name = within(form).getByLabelText('Name');
    expect(document.activeElement).toBe(name);
    // A new department starts from the usual standard and office hours.
    expect(within(form).getByLabelText('First response within (business hours)')).toHaveProperty('value', '8');
    expect(within(form).getByLabelText('Resolved within (business hours)')).toHaveProperty('value', '40');
    expect(within(form).getByLabelText('Time zone')).toHaveProperty('value', 'UTC');

    type(name, 'Facilities');
    type(within(form).getByLabelText('Offers'), ' Desk \n\nKeys\n');
    type(within(form).getByLabelText('First response within (business hours)'), '2');
    type(within(form).getByLabelText('Resolved within (business hours)'), '24');
    type(within(form).getByLabelText('Time zone'), ' Europe/Paris ');
    type(within(form).getByLabelText('Opens'), '07:00');
    type(within(form).getByLabelText('Closes'), '15:30');
    fireEvent.click(box(form, 'Mon'));
    fireEvent.click(box(form, 'Sat'));
    fireEvent.click(within(form).getByRole('button', { name: 'Create department' }));

    await screen.findByText('Added Facilities.');
    expect(createDepartment).toHaveBeenCalledTimes(1);
    expect(createDepartment).toHaveBeenCalledWith(
      {
        name: 'Facilities',
        offers: ['Desk', 'Keys'],
        standard: { firstResponseHours: 2, resolutionHours: 24 },
        hours: { timeZone: 'Europe/Paris', days: [2, 3, 4, 5, 6], start: '07:00', end: '15:30' },
      },
      expect.stringMatching(/^[0-9a-f-]{36}$/),
    );
    expect(ctx.departments.invalidate).toHaveBeenCalled();
    expect(screen.queryByRole('form')).toBeNull();
    const edit = await screen.findByRole('button', { name: 'Edit Facilities' });
    await waitFor(() => expect(document.activeElement).toBe(edit));
  });

  it('saves an edit with only the service (offers, standard, hours)', async () => {
    const updateDepartment = vi.fn(async () => ({ ...itDepartment, offers: ['Laptop'] }));
    const { ctx } = renderDepartments({ updateDepartment }, [itDepartment]);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit IT' }));
    const form = screen.getByRole('form', { name: 'Edit IT' });
    type(within(form).getByLabelText('Offers'), 'Laptop');
    type(within(form).getByLabelText('Resolved within (business hours)'), '20');
    fireEvent.click(box(form, 'Fri'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));

    await screen.findByText('Saved IT.');
    expect(updateDepartment).toHaveBeenCalledWith('dep-it', {
      offers: ['Laptop'],
      standard: { firstResponseHours: 4, resolutionHours: 20 },
      hours: { timeZone: 'Europe/London', days: [1, 2, 3, 4], start: '08:30', end: '17:30' },
    });
    expect(ctx.departments.invalidate).toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit IT' })));
  });

  it('puts a refusal beside its field, focuses it, and keeps the form open', async () => {
    const refusal = new ApiProblem('validation_failed', 'Invalid', { 'hours.end': 'Ends before it starts' }, 400);
    const updateDepartment = vi.fn().mockRejectedValueOnce(refusal);
    const { ctx } = renderDepartments({ updateDepartment }, [itDepartment]);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit IT' }));
    const form = screen.getByRole('form', { name: 'Edit IT' });
    type(within(form).getByLabelText('Closes'), '07:00');
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));

    await within(form).findByText('Ends before it starts');
    const closes = within(form).getByLabelText('Closes');
    expect(closes.getAttribute('aria-invalid')).toBe('true');
    const errorId = closes.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(errorId)?.textContent).toBe('Ends before it starts');
    expect(within(form).getByLabelText('Opens').getAttribute('aria-invalid')).toBeNull();
    expect(within(form).getByRole('alert').textContent).toBe('Could not save: check the marked fields.');
    await waitFor(() => expect(document.activeElement).toBe(closes));
    expect(ctx.failed).toHaveBeenCalledWith(refusal);
    expect(ctx.departments.invalidate).not.toHaveBeenCalled();
  });

  it('puts a refusal of the days and of the name beside them when adding', async () => {
    const refusal = new ApiProblem(
      'validation_failed',
      'Invalid',
      { name: 'A department with this name exists', 'hours.days': 'Too small: expected array to have >=1 items' },
      400,
    );
    const createDepartment = vi.fn().mockRejectedValueOnce(refusal);
    renderDepartments({ createDepartment }, [itDepartment]);
    await screen.findByRole('article', { name: /^IT/ });
    fireEvent.click(screen.getByRole('button', { name: 'Add department' }));
    const form = screen.getByRole('form', { name: 'New department' });
    type(within(form).getByLabelText('Name'), 'IT');
    fireEvent.click(within(form).getByRole('button', { name: 'Create department' }));

    await within(form).findByText('A department with this name exists');
    expect(within(form).getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    const days = within(form).getByRole('group', { name: 'Days' });
    expect(within(days).getByText('Too small: expected array to have >=1 items')).toBeTruthy();
    expect(days.getAttribute('aria-describedby')).toBeTruthy();
    expect(within(form).getByRole('alert').textContent).toBe('Could not add the department: check the marked fields.');
  });

  it('Cancel and Escape close the add form and give focus back to Add department', async () => {
    const createDepartment = vi.fn();
    renderDepartments({ createDepartment }, []);
    await screen.findByText(/No departments yet/);
    fireEvent.click(screen.getByRole('button', { name: 'Add department' }));
    fireEvent.click(within(screen.getByRole('form')).getByRole('button', { name: 'Cancel' }));
    const add = screen.getByRole('button', { name: 'Add department' });
    await waitFor(() => expect(document.activeElement).toBe(add));
    expect(screen.queryByRole('form')).toBeNull();

    fireEvent.click(add);
    fireEvent.keyDown(screen.getByLabelText('Name'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(createDepartment).not.toHaveBeenCalled();
  });
});
