import { matches, pageOfMembers } from '../../../extension/entrypoints/sidepanel/assignee-picker.tsx';
import type { AssigneeItem } from '../../../extension/utils/api.ts';
import { omar, priya } from './ask-fixtures.ts';

/** A department of 1,250 people, some with accents in their names. */
const crowd = Array.from({ length: 1250 }, (_, i) => ({ id: `p_${i}`, name: `Member ${String(i).padStart(4, '0')}` }));
export const members: AssigneeItem[] = [
  ...crowd.slice(0, 600),
  priya,
  omar,
  { id: 'p_zoe', name: 'Zoë Álvarez', title: 'Payroll Clerk' },
  ...crowd.slice(600),
];

/** The server's answer to GET /v1/asks/:id/assignees: every typed word, by name, a page at most. */
export const departmentSearch =
  (people: AssigneeItem[]) =>
  async (_askId: string, q: string, limit = pageOfMembers) => ({
    people: people
      .filter((p) => matches(p.name, q))
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, limit),
  });
