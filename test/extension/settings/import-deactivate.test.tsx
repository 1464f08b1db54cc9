import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportSection } from '../../../extension/entrypoints/settings/import-section.tsx';
import type { ImportResult } from '../../../extension/utils/api.ts';
import { renderSection } from './render-settings.tsx';

const csv = ['name,email', 'Ada Lovelace,ada@example.com', 'Grace Hopper,grace@example.com'].join('\n');
const names = ['Ben Ode', 'Cy Park', 'Di Lu', 'Ed Roy', 'Flo Tan', 'Gus Ng', 'Hal Ito'];
const leaving: ImportResult = {
  created: 1,
  updated: 1,
  departmentsCreated: 0,
  deactivated: names.length,
  deactivatedPeople: names.map((name, i) => ({ id: `p${i}`, name, email: `${i}@example.com` })),
};
const paste = (text: string) => fireEvent.input(screen.getByLabelText('CSV to import'), { target: { value: text } });
const option = () => screen.getByRole('checkbox', { name: 'Deactivate people not in this file' });

describe('import, deactivating people not in the file', () => {
  afterEach(cleanup);

  it('is off by default: the import sends the file alone and asks for no dry run', async () => {
    const importPeople = vi.fn(async () => ({ ...leaving, deactivated: 0, deactivatedPeople: [] }));
    renderSection(<ImportSection />, { importPeople });
    expect(option()).toHaveProperty('checked', false);
    paste(csv);
    await screen.findByRole('table', { name: 'Preview: 2 rows' });
    fireEvent.click(screen.getByRole('button', { name: 'Import people' }));
    await screen.findByText('Imported: 1 person added, 1 person updated, 0 departments created.');
    expect(importPeople.mock.calls).toEqual([[csv]]);
    // Editing the text starts another import: what the last one did is no longer said beside it.
    paste(`${csv}\nHo Ma,ho@example.com`);
    expect(screen.queryByText(/^Imported:/)).toBeNull();
  });

  it('says who would be deactivated before the admin confirms, then imports and deactivates them', async () => {
    const importPeople = vi.fn(async () => leaving);
    renderSection(<ImportSection />, { importPeople });
    paste(csv);
    await screen.findByRole('table', { name: 'Preview: 2 rows' });
    fireEvent.click(option());

    const notice = await screen.findByText(/will be deactivated/);
    expect(notice.textContent).toBe(
      '7 people not in this file will be deactivated: Ben Ode, Cy Park, Di Lu, Ed Roy, Flo Tan, and 2 more.',
    );
    expect(importPeople.mock.calls).toEqual([[csv, { deactivateMissing: true, dryRun: true }]]);

    fireEvent.click(screen.getByRole('button', { name: 'Import and deactivate 7 people' }));
    await screen.findByText('Imported: 1 person added, 1 person updated, 0 departments created. 7 people deactivated.');
    expect(importPeople.mock.calls[1]).toEqual([csv, { deactivateMissing: true }]);
    // The preview is asked again: the people it named are gone now.
    await waitFor(() => expect(importPeople).toHaveBeenCalledTimes(3));
  });

  it('says when no one would be deactivated, and that it could not check', async () => {
    const importPeople = vi
      .fn<(csv: string, options?: object) => Promise<ImportResult>>()
      .mockResolvedValueOnce({ ...leaving, deactivated: 0, deactivatedPeople: [] })
      .mockRejectedValueOnce(new Error('The server is not reachable'));
    renderSection(<ImportSection />, { importPeople });
    paste(csv);
    fireEvent.click(option());
    await screen.findByText('Everyone active is in this file. No one will be deactivated.');
    expect(screen.getByRole('button', { name: 'Import people' })).toBeTruthy();
    paste(`${csv}\nHo Ma,ho@example.com`);
    await screen.findByText(/Could not check who would be deactivated/);
  });

  it('does not import before the preview of this very file has named who goes', async () => {
    const importPeople = vi.fn((_csv: string, _options?: { dryRun?: boolean }) => new Promise<ImportResult>(() => {}));
    renderSection(<ImportSection />, { importPeople });
    paste(csv);
    fireEvent.click(option());
    fireEvent.click(screen.getByRole('button', { name: 'Import people' }));
    expect((await screen.findByRole('alert')).textContent).toBe('See below who will be deactivated, then import.');
    expect(importPeople.mock.calls.every(([, options]) => options?.dryRun)).toBe(true);
  });
});
