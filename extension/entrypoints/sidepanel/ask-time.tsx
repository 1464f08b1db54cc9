import type { Ask } from '../../../shared/asks.ts';
import { importanceLabel } from '../../ui/labels.ts';
import { exactTime, relativeTime } from '../../utils/time.ts';

/** "5 min. ago", with the exact date and time on hover and in the markup. */
export function Time({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={exactTime(iso)}>
      {relativeTime(iso)}
    </time>
  );
}

/** High and urgent asks carry a pill; low and normal ones do not need the noise. */
export function ImportancePill({ ask }: { ask: Pick<Ask, 'importance'> }) {
  if (ask.importance !== 'high' && ask.importance !== 'urgent') return null;
  return <span class={`pill pill-importance-${ask.importance}`}>{importanceLabel[ask.importance]}</span>;
}
