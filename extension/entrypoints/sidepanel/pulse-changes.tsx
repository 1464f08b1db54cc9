import { X } from 'lucide';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';
import type { PulseChanges } from '../../utils/pulse-api.ts';

/** A calendar day (YYYY-MM-DD) as the person's locale writes it, read at noon so no zone moves it a day. */
export const dayText = (day: string) =>
  new Date(`${day.slice(0, 10)}T12:00:00`).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

interface PulseChangesCardProps {
  changes: PulseChanges;
  dismiss(): void;
}

/** "You said, we did": what a department changes after a closed pulse the person was asked in. */
export function PulseChangesCard({ changes, dismiss }: PulseChangesCardProps) {
  const title = `pulse-changes-${changes.pulseId}-${changes.departmentId}`;
  return (
    <section class="pulse-card pulse-changes" aria-labelledby={title}>
      <div class="pulse-changes-head">
        <h3 class="pulse-title" id={title}>
          {i18n.t('pulseCard.changesTitle', [changes.departmentName])}
        </h3>
        <button
          type="button"
          class="ghost icon-button"
          aria-label={i18n.t('pulseCard.dismissLabel', [changes.departmentName])}
          title={i18n.t('pulseCard.dismiss')}
          onClick={dismiss}
        >
          <Icon node={X} size={14} />
        </button>
      </div>
      <p class="pulse-lead">{i18n.t('pulseCard.changesLead')}</p>
      <ul class="pulse-actions">
        {changes.actions.map((a) => (
          <li key={a.text}>
            <span class="pulse-action-text" translate={false}>
              {a.text}
            </span>
            <span class="pulse-action-who">{i18n.t('pulseCard.ownerDue', [a.owner.name, dayText(a.due)])}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
