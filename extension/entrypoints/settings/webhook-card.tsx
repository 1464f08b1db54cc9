import './departments-section.css';
import { Webhook } from 'lucide';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';
import type { Say } from '../../ui/notices.tsx';
import type { WebhookItem } from '../../utils/webhooks-api.ts';
import { WebhookDeliveries } from './webhook-deliveries.tsx';
import { eventLabels, targetLabels } from './webhook-labels.ts';

interface WebhookCardProps {
  webhook: WebhookItem;
  say: Say;
  setState(state: 'active' | 'paused'): void;
  test(): void;
  remove(): void;
}

/** One webhook: where it goes, for whom, which events, whether it is paused and why; its actions and deliveries. */
export function WebhookCard({ webhook: w, say, setState, test, remove }: WebhookCardProps) {
  const [open, setOpen] = useState(false);
  const events = eventLabels();
  const headingId = `webhook-${w.id}-heading`;
  return (
    <article class="card webhook" data-webhook-id={w.id} aria-labelledby={headingId}>
      <div class="card-header">
        <h3 id={headingId}>
          <span class="title-icon">
            <Icon node={Webhook} />
          </span>
          <span translate={false}>{w.name}</span>{' '}
          <span class={w.state === 'active' ? 'pill pill-success' : 'pill pill-muted'}>
            {i18n.t(w.state === 'active' ? 'webhooks.settings.active' : 'webhooks.settings.paused')}
          </span>
        </h3>
      </div>
      <dl class="facts">
        <dt>{i18n.t('webhooks.settings.target')}</dt>
        <dd>{targetLabels()[w.target]}</dd>
        <dt>{i18n.t('webhooks.settings.scope')}</dt>
        <dd translate={w.departmentName ? false : undefined}>
          {w.departmentName ?? i18n.t('webhooks.settings.wholeOrganisation')}
        </dd>
        <dt>{i18n.t('webhooks.settings.events')}</dt>
        <dd>
          <ul class="chips">
            {w.events.map((e) => (
              <li class="chip" key={e}>
                {events[e]}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{i18n.t('webhooks.settings.url')}</dt>
        <dd class="mono" translate={false}>
          {w.url}
        </dd>
      </dl>
      {w.pausedReason ? <p class="hint webhook-paused">{w.pausedReason}</p> : null}
      <div class="actions">
        <button type="button" class="small" onClick={() => setState(w.state === 'active' ? 'paused' : 'active')}>
          {i18n.t(w.state === 'active' ? 'webhooks.settings.pause' : 'webhooks.settings.resume')}
        </button>
        <button type="button" class="small" aria-label={i18n.t('webhooks.settings.testNamed', [w.name])} onClick={test}>
          {i18n.t('webhooks.settings.test')}
        </button>
        <button type="button" class="small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {i18n.t('webhooks.settings.deliveries')}
        </button>
        <button
          type="button"
          class="small danger-action"
          aria-label={i18n.t('webhooks.settings.removeNamed', [w.name])}
          onClick={remove}
        >
          {i18n.t('webhooks.settings.remove')}
        </button>
      </div>
      {open ? <WebhookDeliveries webhook={w} say={say} /> : null}
    </article>
  );
}
