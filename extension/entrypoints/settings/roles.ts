import type { PersonItem } from '../../utils/api.ts';

export const roleLabel: Record<PersonItem['role'], string> = { member: 'Member', manager: 'Manager', admin: 'Admin' };
