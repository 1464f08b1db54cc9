import { i18n } from '#i18n';
import type { Cause } from '../../shared/cause-list.ts';

/** How a cause reads, on the panel's chooser and the managers' hand-offs page. */
export function causeLabel(cause: Cause): string {
  switch (cause) {
    case 'information_missing':
      return i18n.t('causes.informationMissing');
    case 'unclear_owner':
      return i18n.t('causes.unclearOwner');
    case 'tools_or_access':
      return i18n.t('causes.toolsOrAccess');
    case 'waiting_on_team':
      return i18n.t('causes.waitingOnTeam');
    case 'capacity':
      return i18n.t('causes.capacity');
    case 'other':
      return i18n.t('causes.other');
  }
}
