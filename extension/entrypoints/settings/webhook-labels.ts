import { i18n } from '#i18n';
import type { DeliveryItem, WebhookItem } from '../../utils/webhooks-api.ts';

type Event = WebhookItem['events'][number];

/** Each event's and target's name as the catalogue says it (read on each call, so the locale's). */
export const eventLabels = (): Record<Event, string> => ({
  'thank.public': i18n.t('webhooks.settings.eventThank'),
  'ask.new': i18n.t('webhooks.settings.eventAskNew'),
  'ask.at_risk': i18n.t('webhooks.settings.eventAtRisk'),
  'ask.overdue': i18n.t('webhooks.settings.eventOverdue'),
  digest: i18n.t('webhooks.settings.eventDigest'),
});

export const targetLabels = (): Record<WebhookItem['target'], string> => ({
  slack: i18n.t('webhooks.settings.targetSlack'),
  teams: i18n.t('webhooks.settings.targetTeams'),
  standard: i18n.t('webhooks.settings.targetStandard'),
});

export const statusLabels = (): Record<DeliveryItem['status'], string> => ({
  pending: i18n.t('webhooks.settings.statusPending'),
  delivered: i18n.t('webhooks.settings.statusDelivered'),
  failed: i18n.t('webhooks.settings.statusFailed'),
});
