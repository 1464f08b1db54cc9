import { useCallback } from 'preact/hooks';
import './webhooks-section.css';
import { i18n } from '#i18n';
import { reason, type Say } from '../../ui/notices.tsx';
import type { WebhookItem } from '../../utils/webhooks-api.ts';
import { useSettings } from './settings-context.ts';
import { useLoad } from './use-load.ts';
import { eventLabels, statusLabels } from './webhook-labels.ts';

const when = (iso: string) => new Date(iso).toLocaleString();

/** A webhook's recent deliveries: what, when, how it went (the start of the last answer) and Resend. */
export function WebhookDeliveries({ webhook, say }: { webhook: WebhookItem; say: Say }) {
  const { client, failed } = useSettings();
  const load = useCallback(() => client.deliveries(webhook.id).then((r) => r.deliveries), [client, webhook.id]);
  const loadFailed = useCallback(
    (e: unknown) => {
      failed(e);
      say.fail(i18n.t('webhooks.settings.actionFailed', [reason(e)]));
    },
    [failed, say],
  );
  const list = useLoad(load, loadFailed);
  const events = eventLabels();
  const statuses = statusLabels();

  async function resend(id: string) {
    try {
      await client.resendDelivery(webhook.id, id);
      say.ok(i18n.t('webhooks.settings.resent'));
      await list.reload();
    } catch (e) {
      loadFailed(e);
    }
  }

  if (list.value?.length === 0) return <p class="empty">{i18n.t('webhooks.settings.noDeliveries')}</p>;
  return (
    <div class="table-wrap">
      <table
        class="data-table deliveries"
        aria-label={i18n.t('webhooks.settings.deliveriesNamed', [webhook.name])}
        aria-busy={list.busy || undefined}
      >
        <thead>
          <tr>
            <th scope="col">{i18n.t('webhooks.settings.created')}</th>
            <th scope="col">{i18n.t('webhooks.settings.kind')}</th>
            <th scope="col">{i18n.t('webhooks.settings.status')}</th>
            <th scope="col">{i18n.t('webhooks.settings.attempts')}</th>
            <th scope="col">{i18n.t('webhooks.settings.lastAnswer')}</th>
            <th scope="col">
              <span class="sr-only">{i18n.t('webhooks.settings.resend')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(list.value ?? []).map((d) => (
            <tr key={d.id}>
              <td>{when(d.createdAt)}</td>
              <td>{d.kind === 'ping' ? i18n.t('webhooks.settings.test') : events[d.kind]}</td>
              <td>
                <span
                  class={
                    d.status === 'delivered' ? 'pill pill-success' : d.status === 'failed' ? 'pill' : 'pill pill-muted'
                  }
                >
                  {statuses[d.status]}
                </span>
                {d.nextAttemptAt ? (
                  <span class="hint"> {i18n.t('webhooks.settings.nextAttempt', [when(d.nextAttemptAt)])}</span>
                ) : null}
              </td>
              <td>{d.attempts}</td>
              <td class="mono" translate={false}>
                {[d.lastStatusCode, d.lastError, d.responseExcerpt].filter((x) => x !== null).join(' · ')}
              </td>
              <td>
                <button
                  type="button"
                  class="small"
                  aria-label={i18n.t('webhooks.settings.resendNamed', [d.id])}
                  onClick={() => void resend(d.id)}
                >
                  {i18n.t('webhooks.settings.resend')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
