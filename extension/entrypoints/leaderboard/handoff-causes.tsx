import { i18n } from '#i18n';
import { causes } from '../../../shared/cause-list.ts';
import { causeLabel } from '../../ui/cause-labels.ts';
import type { HandoffsResult } from '../../utils/api.ts';
import { type Column, DataTable } from './data-table.tsx';

type Pair = HandoffsResult['causes'][number];

interface HandoffCausesProps {
  data: HandoffsResult;
  /** A department's name (or "No department", "Unknown"). */
  name(id: string): string;
}

/**
 * What got in the way, per department pair: the causes people tapped after reopening, forwarding back, declining
 * or rating low, most first. Counts of categories only: nothing on it names a person.
 */
export function HandoffCauses({ data, name }: HandoffCausesProps) {
  const count = (p: Pair, c: (typeof causes)[number]) => p.counts[c] ?? 0;
  const columns: Column<Pair>[] = [
    { label: i18n.t('leaderboard.handoffs.askedBy'), cell: (p) => name(p.from), rowHeader: true },
    { label: i18n.t('leaderboard.handoffs.servedBy'), cell: (p) => name(p.to), data: true },
    { label: i18n.t('causes.total'), cell: (p) => p.total, num: true },
    ...causes.map((c): Column<Pair> => ({ label: causeLabel(c), cell: (p) => count(p, c), num: true })),
  ];
  return (
    <DataTable<Pair>
      id="handoff-causes"
      title={i18n.t('causes.title')}
      caption={i18n.t('causes.caption')}
      columns={columns}
      rows={data.causes}
      empty={i18n.t('causes.empty')}
      file={`tandem-handoff-causes-${data.range.label}`}
      show={12}
    />
  );
}
