import { vi } from 'vitest';
import type { DepartmentItem, InvitationResult, PersonItem } from '../../../extension/utils/api.ts';

/** A small organisation for the People section's tests: two departments, an active and an inactive person. */
export const departments = [
  { id: 'd-it', name: 'IT' },
  { id: 'd-pay', name: 'Payroll' },
] as unknown as DepartmentItem[];

export const sam: PersonItem = {
  id: 'p-sam',
  name: 'Sam Rivera',
  email: 'sam.rivera@northwind.example',
  title: 'Account Executive',
  role: 'manager',
  active: true,
  departmentIds: ['d-pay', 'd-it'],
};

export const lena: PersonItem = {
  id: 'p-lena',
  name: 'Lena Fischer',
  email: 'lena.fischer@northwind.example',
  title: '',
  role: 'member',
  active: false,
  departmentIds: [],
};

export const invitation: InvitationResult = {
  code: 'demo.ABCD-EFGH',
  link: 'http://127.0.0.1:8787/join#demo.ABCD-EFGH',
  expiresAt: '2030-01-04T10:00:00.000Z',
};

/** `client.people` over a list the test may change: it filters by name like the server would, roughly. */
export function peopleApi(list: { current: PersonItem[] }) {
  return vi.fn(async (q: string) => ({
    people: list.current.filter((p) => p.name.toLowerCase().includes(q.toLowerCase())),
  }));
}
