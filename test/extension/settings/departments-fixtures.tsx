import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import { DepartmentsSection } from '../../../extension/entrypoints/settings/departments-section.tsx';
import { Settings, type SettingsContext } from '../../../extension/entrypoints/settings/settings-context.ts';
import type { Api, DepartmentItem } from '../../../extension/utils/api.ts';

export const itDepartment: DepartmentItem = {
  id: 'dep-it',
  name: 'IT',
  offers: ['Laptop', 'Access'],
  standard: { firstResponseHours: 4, resolutionHours: 16 },
  hours: { timeZone: 'Europe/London', days: [1, 2, 3, 4, 5], start: '08:30', end: '17:30' },
  memberCount: 3,
};
export const payroll: DepartmentItem = {
  id: 'dep-pay',
  name: 'Payroll',
  offers: [],
  standard: { firstResponseHours: 8, resolutionHours: 40 },
  hours: { timeZone: 'UTC', days: [1, 2, 3], start: '09:00', end: '17:00' },
  memberCount: 1,
};

/**
 * The Departments section with an API the test gives, and a departments cache whose loads the test
 * sets in turn, the last one repeating (each a new array, as the real cache gives after an invalidation;
 * an Error is a failed load).
 */
export function renderDepartments(client: Partial<Api>, ...loads: (DepartmentItem[] | Error)[]) {
  const get = vi.fn(async () => {
    const next = (loads.length > 1 ? loads.shift() : loads[0]) ?? [];
    if (next instanceof Error) throw next;
    return [...next];
  });
  const ctx: SettingsContext = {
    client: client as Api,
    departments: { get, invalidate: vi.fn() },
    failed: vi.fn(),
    signedOut: vi.fn(),
  };
  return {
    ctx,
    ...render(
      <Settings.Provider value={ctx}>
        <DepartmentsSection />
      </Settings.Provider>,
    ),
  };
}
