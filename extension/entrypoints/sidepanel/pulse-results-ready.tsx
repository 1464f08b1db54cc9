import { BarChart3, X } from 'lucide';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';
import type { PulseResultsReady } from '../../utils/pulse-api.ts';

interface Props {
  ready: PulseResultsReady;
  dismiss(): void;
}

/**
 * A pulse about the person's own department has closed with enough answers: its results are there to read (the
 * managers' page opens on them; a department's members may read their own department's).
 */
export function PulseResultsReadyCard({ ready, dismiss }: Props) {
  const title = `pulse-ready-${ready.pulseId}-${ready.departmentId}`;
  const open = () =>
    void browser.tabs.create({
      url: browser.runtime.getURL(`/leaderboard.html#pulse=${encodeURIComponent(ready.pulseId)}`),
    });
  return (
    <section class="pulse-card pulse-changes" aria-labelledby={title}>
      <div class="pulse-changes-head">
        <h3 class="pulse-title" id={title}>
          {i18n.t('pulseCard.readyTitle', [ready.departmentName])}
        </h3>
        <button
          type="button"
          class="ghost icon-button"
          aria-label={i18n.t('pulseCard.readyDismissLabel', [ready.departmentName])}
          title={i18n.t('pulseCard.dismiss')}
          onClick={dismiss}
        >
          <Icon node={X} size={14} />
        </button>
      </div>
      <p class="pulse-lead">{i18n.t('pulseCard.readyLead', [ready.departmentName])}</p>
      <div class="pulse-buttons">
        <button type="button" onClick={open}>
          <Icon node={BarChart3} />
          <span>{i18n.t('pulseCard.readyOpen')}</span>
        </button>
      </div>
    </section>
  );
}
