import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataTable } from '../../../extension/entrypoints/leaderboard/data-table.tsx';
import { HandoffsView } from '../../../extension/entrypoints/leaderboard/handoffs-view.tsx';
import { ServiceView } from '../../../extension/entrypoints/leaderboard/service-view.tsx';
import type { Api } from '../../../extension/utils/api.ts';

const h = 3_600_000;
const range = { period: 'quarter', label: '2026-Q4', from: null, to: null } as const;
const on = { failed: vi.fn(), busy: vi.fn() };
const filters = { period: 'quarter' } as const;

function cell(from: string, to: string, arrivals: number) {
  return { from, to, arrivals, resolved: arrivals, medianMs: 2 * h + 5 * 60_000, forwards: 0, bounces: 1 };
}

function row(name: string, declined: number) {
  const duration = { medianMs: 3 * h, p90Ms: 26 * h, withinStandard: 0.75 };
  return {
    id: name,
    name,
    standard: { firstResponseHours: 4, resolutionHours: 48 },
    received: 1200,
    resolved: 9,
    declined,
    reopened: 0,
    backlog: 2,
    overdue: 0,
    firstResponse: duration,
    resolution: duration,
    ratings: { count: 4, overall: 4.5, communication: 4, responsiveness: null, quality: 5 },
    neededBy: { met: 3, missed: 1 },
    byImportance: [{ importance: 'urgent', rated: 2, overall: 4 }],
    forwardedOut: 0,
    bounces: 0,
  };
}

const weeks = {
  weeks: [{ week: '2026-W49', start: '2026-11-30', thanks: 0, received: 1, resolved: 2 }],
};

describe("the managers' page in words", () => {
  afterEach(cleanup);

  it('says 1 ask / 3 asks in a hand-off’s detail, and “No department” for requesters in none', async () => {
    const handoffs = vi.fn(async () => ({
      range,
      departments: [
        { id: 'it', name: 'IT' },
        { id: 'hr', name: 'HR' },
      ],
      cells: [cell('hr', 'it', 1), cell('', 'it', 3)],
      causes: [],
    }));
    render(<HandoffsView client={{ handoffs } as unknown as Api} filters={filters} {...on} />);
    await screen.findByText("Q4 2026. Asks reaching each serving department, by the requester's department.");
    expect(screen.getByTitle('HR → IT: 1 ask, 1 resolved, median 2h 5m, 0 forwarded, 1 bounced back')).toBeTruthy();
    expect(
      screen.getByTitle('No department → IT: 3 asks, 3 resolved, median 2h 5m, 0 forwarded, 1 bounced back'),
    ).toBeTruthy();
  });

  it('shows what got in the way per department pair, most first, a count per cause and nobody named', async () => {
    const handoffs = vi.fn(async () => ({
      range,
      departments: [
        { id: 'it', name: 'IT' },
        { id: 'hr', name: 'HR' },
      ],
      cells: [cell('hr', 'it', 4)],
      causes: [
        { from: 'hr', to: 'it', counts: { tools_or_access: 2, capacity: 1 }, total: 3 },
        { from: '', to: 'hr', counts: { other: 1 }, total: 1 },
      ],
    }));
    render(<HandoffsView client={{ handoffs } as unknown as Api} filters={filters} {...on} />);
    const table = await screen.findByRole('table', { name: 'What got in the way' });
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(heads).toEqual([
      'Asked by',
      'Served by',
      'Total',
      'Information missing',
      'Unclear who owns it',
      'Tools or access',
      'Waiting on another team',
      'Capacity',
      'Other',
    ]);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['HR', 'IT', '3', '0', '0', '2', '0', '1', '0'],
      ['No department', 'HR', '1', '0', '0', '0', '0', '0', '1'],
    ]);
  });

  it('says how many were declined, and writes counts, standards, shares and scores through Intl', async () => {
    const service = vi.fn(async () => ({ range, organisation: row('All', 1), departments: [row('IT', 1)] }));
    const trends = vi.fn(async () => weeks);
    render(<ServiceView client={{ service, trends } as unknown as Api} filters={filters} {...on} />);
    await screen.findByText('1 declined');
    expect(screen.getAllByText('1,200').length).toBeGreaterThan(0);
    expect(screen.getByText('4h / 2d')).toBeTruthy();
    expect(screen.getByText('3 of 4 (75%)')).toBeTruthy();
    expect(screen.getByText('Urgent 4.0')).toBeTruthy();
    expect(screen.getAllByText('p90 1d 2h').length).toBe(3);
    expect(screen.getByText('W49: 1 received')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Asks per week, last 12 weeks. Received: 1. Resolved: 2' })).toBeTruthy();
  });

  it('offers the rest of a long table and names its export', () => {
    const rows = Array.from({ length: 15 }, (_, i) => ({ n: i }));
    render(
      <DataTable
        id="t"
        title="Hand-offs"
        columns={[{ label: 'N', cell: (r) => r.n }]}
        rows={rows}
        empty=""
        file="t"
        show={12}
      />,
    );
    expect(screen.getByRole('button', { name: 'Show all 15' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export Hand-offs as CSV' })).toBeTruthy();
  });
});
