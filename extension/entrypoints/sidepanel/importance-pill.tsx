import type { Ask } from '../../../shared/asks.ts';
import { importanceLabel } from '../../ui/labels.ts';

/** High and urgent asks carry a pill; low and normal ones do not need the noise. */
export function ImportancePill({ ask }: { ask: Pick<Ask, 'importance'> }) {
  if (ask.importance !== 'high' && ask.importance !== 'urgent') return null;
  return <span class={`pill pill-importance-${ask.importance}`}>{importanceLabel[ask.importance]}</span>;
}
