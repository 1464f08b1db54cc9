import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { firstDay } from '../../../shared/day-bounds.ts';
import type { Department } from '../../../shared/people.ts';
import type { ValueItem } from '../../../shared/values.ts';
import type { Filters } from './filters.ts';

// Read when rendered, so the words are the catalogue's.
const periods = (): [Filters['period'] | 'last30', string][] => [
  ['last30', i18n.t('leaderboard.period.last30')],
  ['week', i18n.t('leaderboard.period.week')],
  ['month', i18n.t('leaderboard.period.month')],
  ['quarter', i18n.t('leaderboard.period.quarter')],
  ['year', i18n.t('leaderboard.period.year')],
  ['all', i18n.t('leaderboard.period.all')],
  ['custom', i18n.t('leaderboard.period.custom')],
];

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

interface Choice {
  period: string;
  from: string;
  to: string;
  department: string;
  value: string;
}

/** The filters a choice means. "Last 30 days" is a custom range that moves with today: fair on the 1st too. */
export function filtersOf(c: Choice, withValue: boolean, now = Date.now()): Filters {
  const period = c.period === 'last30' ? 'custom' : (c.period as Filters['period']);
  const range = c.period === 'last30' ? { from: isoDay(now - 30 * 86_400_000), to: isoDay(now) } : c;
  return {
    period,
    ...(period === 'custom' ? { from: range.from, to: range.to } : {}),
    ...(c.department ? { departmentId: c.department } : {}),
    ...(c.value && withValue ? { valueId: c.value } : {}),
  };
}

export const initialChoice = (now = Date.now()): Choice => ({
  period: 'last30',
  from: isoDay(now - 30 * 86_400_000),
  to: isoDay(now),
  department: '',
  value: '',
});

interface Props {
  departments: Department[];
  /** Retired ones too: their thank-yous still count, and can still be looked at. */
  values: ValueItem[];
  choice: Choice;
  /** The value filter applies to recognition only. */
  showValues: boolean;
  change(next: Choice): void;
}

/** Period (with a custom range), department and company value. */
export function PeriodControls({ departments, values, choice, showValues, change }: Props) {
  const [today] = useState(() => isoDay(Date.now()));
  const set = (key: keyof Choice) => (e: Event) => {
    const next = { ...choice, [key]: (e.currentTarget as HTMLInputElement).value };
    // A custom range waits for both ends.
    if (next.period === 'custom' && (!next.from || !next.to)) return;
    change(next);
  };
  return (
    <fieldset class="controls" aria-label={i18n.t('leaderboard.period.filters')}>
      <div class="control">
        <label for="period">{i18n.t('leaderboard.period.period')}</label>
        <select id="period" value={choice.period} onChange={set('period')}>
          {periods().map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      </div>
      {choice.period === 'custom' ? (
        <div class="custom-range">
          <div class="control">
            <label for="from">{i18n.t('leaderboard.period.from')}</label>
            <input id="from" type="date" value={choice.from} min={firstDay} max={today} onChange={set('from')} />
          </div>
          <div class="control">
            <label for="to">{i18n.t('leaderboard.period.to')}</label>
            <input id="to" type="date" value={choice.to} min={firstDay} max={today} onChange={set('to')} />
          </div>
        </div>
      ) : null}
      <div class="control">
        <label for="department">{i18n.t('leaderboard.common.department')}</label>
        <select id="department" value={choice.department} onChange={set('department')}>
          <option value="">{i18n.t('leaderboard.period.allDepartments')}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      {showValues ? (
        <div class="control">
          <label for="value">{i18n.t('leaderboard.period.value')}</label>
          <select id="value" value={choice.value} onChange={set('value')}>
            <option value="">{i18n.t('leaderboard.period.allValues')}</option>
            {values.map((v) => (
              <option key={v.id} value={v.id}>
                {v.retired ? i18n.t('values.retiredOption', [v.name]) : v.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </fieldset>
  );
}
