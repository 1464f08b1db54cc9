/** How the managers' page writes its numbers: shares and times as the digest does (shared), scores, hours. */
export { pct, time } from '../../../shared/format.ts';
export const score = (n: number | null | undefined) => (n == null ? '—' : n.toFixed(1));
export const hours = (h: number) => (h % 24 === 0 && h >= 24 ? `${h / 24}d` : `${h}h`);

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const dayText = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** A period as people name it: Week 49, 2026 · December 2026 · Q4 2026 · 2026 · All time · 1 Nov 2026 – 1 Dec 2026. */
export function rangeText(range: { period: string; label: string; from: string | null; to: string | null }): string {
  const [y, rest] = range.label.split('-');
  switch (range.period) {
    case 'week':
      return `Week ${Number(rest?.slice(1))}, ${y}`;
    case 'month':
      return `${months[Number(rest) - 1]} ${y}`;
    case 'quarter':
      return `${rest} ${y}`;
    case 'all':
      return 'All time';
    case 'custom':
      return range.from && range.to ? `${dayText(range.from)} – ${dayText(range.to)}` : range.label;
    default:
      return range.label;
  }
}
