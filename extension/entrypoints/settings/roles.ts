import { i18n } from '#i18n';
import type { PersonItem } from '../../utils/api.ts';

/** A role as people read it ("Manager"); read when shown, so it follows the catalogue. */
export function roleLabel(role: PersonItem['role']): string {
  if (role === 'admin') return i18n.t('settings.roles.admin');
  if (role === 'manager') return i18n.t('settings.roles.manager');
  return i18n.t('settings.roles.member');
}
