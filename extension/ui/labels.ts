import { i18n } from '#i18n';
import type { AskStatus, Importance } from '../../shared/asks.ts';

/** How a status reads on a pill. */
export const statusLabel: Record<AskStatus, string> = {
  open: i18n.t('ui.status.open'),
  acknowledged: i18n.t('ui.status.acknowledged'),
  in_progress: i18n.t('ui.status.inProgress'),
  waiting_on_requester: i18n.t('ui.status.waitingOnRequester'),
  resolved: i18n.t('ui.status.resolved'),
  declined: i18n.t('ui.status.declined'),
};

/** The button that moves an ask to a status. */
export const transitionLabel: Record<AskStatus, string> = {
  open: i18n.t('ui.transition.open'),
  acknowledged: i18n.t('ui.transition.acknowledged'),
  in_progress: i18n.t('ui.transition.inProgress'),
  waiting_on_requester: i18n.t('ui.transition.waitingOnRequester'),
  resolved: i18n.t('ui.transition.resolved'),
  declined: i18n.t('ui.transition.declined'),
};

export const importanceLabel: Record<Importance, string> = {
  low: i18n.t('ui.importance.low'),
  normal: i18n.t('ui.importance.normal'),
  high: i18n.t('ui.importance.high'),
  urgent: i18n.t('ui.importance.urgent'),
};

export const importanceOrder: Importance[] = ['low', 'normal', 'high', 'urgent'];
