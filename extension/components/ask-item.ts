import type { Ask } from '../../shared/asks.ts';
import { relativeTime } from '../utils/time.ts';
import { h } from './h.ts';
import { importanceLabel } from './labels.ts';

/*
 * What the ask's detail (not yet Preact) still builds with h(): the lists' rows are Preact components in
 * entrypoints/sidepanel/ (ask-item.tsx, with time-ago.tsx and importance-pill.tsx for these two).
 */

export const time = (iso: string) =>
  h('time', { datetime: iso, title: new Date(iso).toLocaleString() }, relativeTime(iso));

/** High and urgent asks carry a pill; low and normal ones do not need the noise. */
export const importancePill = (ask: Pick<Ask, 'importance'>) =>
  ask.importance === 'high' || ask.importance === 'urgent'
    ? h('span', { class: `pill pill-importance-${ask.importance}` }, importanceLabel[ask.importance])
    : null;
