import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportSection } from '../../../extension/entrypoints/settings/import-section.tsx';
import { ApiProblem } from '../../../extension/utils/api.ts';
import { renderSection } from './render-settings.tsx';

const good = [
  'name,email,title,departments,role',
  'Ada Lovelace,ada@example.com,Engineer,Platform;Data,member',
  'Grace Hopper,grace@example.com,,Platform,admin',
].join('\n');
const result = { created: 1, updated: 1, departmentsCreated: 2, deactivated: 0, deactivatedPeople: [] };
const paste = (csv: string) => fireEvent.input(screen.getByLabelText('CSV to import'), { target: { value: csv } });
const importButton = () => screen.getByRole('button', { name: 'Import people' });

describe('import section', () => {
  afterEach(cleanup);

  it('previews pasted CSV with its counts before sending, then imports it once and says what happened', async () => {
    const importPeople = vi.fn(async () => result);
    const { ctx } = renderSection(<ImportSection />, { importPeople });
    expect(screen.getByText('Choose a file or paste CSV to see a preview.')).toBeTruthy();
    paste(good);

    const table = await screen.findByRole('table', { name: 'Preview: 2 rows' });
    expect(screen.getByText('All 2 rows are ready to import.')).toBeTruthy();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['2', 'Ada Lovelace', 'ada@example.com', 'Engineer', 'Platform, Data', 'member'],
      ['3', 'Grace Hopper', 'grace@example.com', '—', 'Platform', 'admin'],
    ]);
    expect(importPeople).not.toHaveBeenCalled();

    fireEvent.click(importButton());
    await screen.findByText('Imported: 1 person added, 1 person updated, 2 departments created.');
    expect(importPeople).toHaveBeenCalledTimes(1);
    expect(importPeople).toHaveBeenCalledWith(good);
    expect(ctx.departments.invalidate).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert', { hidden: true }).hidden).toBe(true);
  });

  it('previews a chosen file at once', async () => {
    renderSection(<ImportSection />, { importPeople: vi.fn() });
    const file = new File([good], 'people.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [file] } });
    await screen.findByRole('table', { name: 'Preview: 2 rows' });
    expect(screen.getByLabelText('CSV to import')).toHaveProperty('value', good);
  });

  it('shows each row’s problems in the preview and sends nothing while any row is invalid', async () => {
    const importPeople = vi.fn();
    renderSection(<ImportSection />, { importPeople });
    paste(`${good}\nNo Email,not-an-email,,,member\n,bob@example.com,,,boss`);

    const table = await screen.findByRole('table', { name: 'Preview: 4 rows' });
    const summary = screen.getByText(/rows have problems/).parentElement as HTMLElement;
    expect(summary.firstElementChild?.textContent).toBe(
      '2 rows have problems. Fix them first: if any row is invalid, nothing is imported.',
    );
    const listed = within(summary)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(listed[0]).toBe('Line 4, email: A valid email');
    expect(listed.slice(1).every((l) => l?.startsWith('Line 5, '))).toBe(true);
    expect(listed.some((l) => l?.startsWith('Line 5, role: '))).toBe(true);
    // The bad cell says what is wrong, in its row.
    const line4 = within(table).getByText('4').closest('tr') as HTMLElement;
    expect(line4.className).toBe('invalid');
    expect(within(line4).getByText('A valid email')).toBeTruthy();

    fireEvent.click(importButton());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Nothing was imported: fix the 2 rows marked in the preview and import again.',
    );
    expect(importPeople).not.toHaveBeenCalled();
  });

  it('names a missing column and does not send the file', async () => {
    const importPeople = vi.fn();
    renderSection(<ImportSection />, { importPeople });
    paste('name,mail\nAda,ada@example.com');
    await screen.findByText('The first line must name the columns, and needs “email”.');
    fireEvent.click(importButton());
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was imported: the first line needs “email”.');
    expect(importPeople).not.toHaveBeenCalled();
  });

  it('counts in whole sentences: one row, one problem, and two missing columns joined as a list', async () => {
    const importPeople = vi.fn(async () => ({
      created: 1,
      updated: 0,
      departmentsCreated: 1,
      deactivated: 0,
      deactivatedPeople: [],
    }));
    renderSection(<ImportSection />, { importPeople });
    paste('name,email\nAda,ada@example.com');
    await screen.findByRole('table', { name: 'Preview: 1 row' });
    screen.getByText('1 row is ready to import.');
    fireEvent.click(importButton());
    await screen.findByText('Imported: 1 person added, 0 people updated, 1 department created.');

    paste('name,email\nAda,not-an-email');
    await screen.findByText('1 row has problems. Fix it first: if any row is invalid, nothing is imported.');
    fireEvent.click(importButton());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Nothing was imported: fix the 1 row marked in the preview and import again.',
    );

    paste('title\nEngineer');
    await screen.findByText('The first line must name the columns, and needs “name” and “email”.');
  });

  it('counts the problems it does not list', async () => {
    renderSection(<ImportSection />, { importPeople: vi.fn() });
    const bad = Array.from({ length: 12 }, (_, i) => `Person ${i},bad-${i}`);
    paste(['name,email', ...bad].join('\n'));
    await screen.findByText('…and 2 more problems.');
    paste(['name,email', ...bad.slice(0, 11)].join('\n'));
    await screen.findByText('…and 1 more problem.');
  });

  it('previews the first 20 rows of a long file', async () => {
    renderSection(<ImportSection />, { importPeople: vi.fn() });
    const rows = Array.from({ length: 25 }, (_, i) => `Person ${i},p${i}@example.com`);
    paste(['name,email', ...rows].join('\n'));
    const table = await screen.findByRole('table', { name: 'Preview: the first 20 of 25 rows' });
    expect(within(table).getAllByRole('row')).toHaveLength(21);
    expect(screen.getByText('All 25 rows are ready to import.')).toBeTruthy();
  });

  it('asks for CSV when there is none', async () => {
    const importPeople = vi.fn();
    renderSection(<ImportSection />, { importPeople });
    fireEvent.click(importButton());
    expect((await screen.findByRole('alert')).textContent).toBe('Choose a CSV file or paste CSV first.');
    expect(importPeople).not.toHaveBeenCalled();
  });

  it('lists the server’s refusal row by row, and passes the failure on', async () => {
    const refusal = new ApiProblem(
      'validation_failed',
      'Some rows are not valid: nothing was imported',
      { 'line 3.email': 'Belongs to a deactivated person', 'line 2.departments': 'Unknown' },
      400,
    );
    const importPeople = vi.fn().mockRejectedValueOnce(refusal);
    const { ctx } = renderSection(<ImportSection />, { importPeople });
    paste(good);
    fireEvent.click(importButton());
    const alert = await screen.findByRole('alert');
    expect(alert.firstElementChild?.textContent).toBe('Nothing was imported: fix these rows and import again.');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Line 2, departments: Unknown', 'Line 3, email: Belongs to a deactivated person']);
    expect(ctx.failed).toHaveBeenCalledWith(refusal);
    expect(ctx.departments.invalidate).not.toHaveBeenCalled();
    await waitFor(() => expect((importButton() as HTMLButtonElement).disabled).toBe(false));
  });

  it('says why when the import fails for another reason', async () => {
    const importPeople = vi.fn().mockRejectedValueOnce(new Error('Network down'));
    renderSection(<ImportSection />, { importPeople });
    paste(good);
    fireEvent.click(importButton());
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was imported: Network down');
  });
});
