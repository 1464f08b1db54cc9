import type { LeaderboardResult } from '../utils/api.ts';
import { h } from './h.ts';

const periodText: Record<LeaderboardResult['period'], string> = {
  week: 'this week',
  month: 'this month',
  quarter: 'this quarter',
  all: 'all time',
};

/** The ranking as a table; an inline bar shows each row's thanks received against the top row. */
export function leaderboardTable(board: LeaderboardResult): HTMLElement {
  const who = board.kind === 'person' ? 'People' : 'Departments';
  const caption = `${who} by thanks received, ${periodText[board.period]}${board.period === 'all' ? '' : ` (${board.bucket})`}`;
  if (board.rows.length === 0) {
    return h(
      'p',
      { class: 'empty', id: 'leaderboard-empty' },
      `No public thanks ${periodText[board.period]} yet. Thanks sent from the Tandem panel are counted here.`,
    );
  }
  const top = Math.max(1, ...board.rows.map((r) => r.received));
  return h(
    'table',
    { id: 'leaderboard-table' },
    h('caption', null, caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col', class: 'num' }, 'Rank'),
        h('th', { scope: 'col' }, 'Name'),
        h('th', { scope: 'col' }, 'Thanks received'),
        h('th', { scope: 'col', class: 'num' }, 'Distinct givers'),
      ),
    ),
    h(
      'tbody',
      null,
      board.rows.map((row) =>
        h(
          'tr',
          null,
          h('td', { class: 'num' }, row.rank),
          h('th', { scope: 'row' }, row.name),
          h(
            'td',
            null,
            h(
              'div',
              { class: 'bar-cell' },
              h('span', { class: 'num' }, row.received),
              h(
                'span',
                { class: 'bar', 'aria-hidden': 'true' },
                h('span', { style: `width: ${(row.received / top) * 100}%` }),
              ),
            ),
          ),
          h('td', { class: 'num' }, row.distinctGivers),
        ),
      ),
    ),
  );
}
