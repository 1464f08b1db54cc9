import type { Leaderboard, LeaderboardQuery } from '../../shared/leaderboard.ts';
import type { RecipientRef } from '../../shared/people.ts';
import { isManager, type LedgerContext, type Principal } from './context.ts';
import { LedgerError } from './errors.ts';
import { bucketOf, periods } from './periods.ts';

/**
 * Counts one public thank-you for one recipient in every period's bucket: received, and distinct
 * givers (a giver counts once per recipient per bucket). Runs inside the thank's transaction, so the
 * board costs the same to read at any volume.
 */
export function countThank(ctx: LedgerContext, to: RecipientRef, giverId: string, at: Date): void {
  const buckets = periods.map((period) => [period, bucketOf(period, at)] as const);
  const rows = (width: number) => buckets.map(() => `(${Array(width).fill('?').join(', ')})`).join(', ');
  // One statement per table for all periods. RETURNING names the buckets where the giver is new
  // (row counts differ between SQLite drivers; RETURNING does not).
  const newGiverIn = new Set(
    ctx.sql
      .all<{ period: string }>(
        `INSERT INTO board_givers (period, bucket, kind, subject_id, giver_id) VALUES ${rows(5)}
         ON CONFLICT DO NOTHING RETURNING period`,
        ...buckets.flatMap(([period, bucket]) => [period, bucket, to.kind, to.id, giverId]),
      )
      .map((r) => r.period),
  );
  ctx.sql.run(
    `INSERT INTO board_counts (period, bucket, kind, subject_id, received, givers) VALUES ${rows(6)}
     ON CONFLICT (period, bucket, kind, subject_id)
     DO UPDATE SET received = received + 1, givers = givers + excluded.givers`,
    ...buckets.flatMap(([period, bucket]) => [period, bucket, to.kind, to.id, 1, newGiverIn.has(period) ? 1 : 0]),
  );
}

export function leaderboard(ctx: LedgerContext, who: Principal, query: LeaderboardQuery): Leaderboard {
  if (!isManager(who)) throw new LedgerError('forbidden', 'The leaderboard is for managers and admins');
  const bucket = bucketOf(query.period, ctx.now());
  const nameJoin =
    query.kind === 'person'
      ? 'JOIN people n ON n.id = c.subject_id AND n.active = 1'
      : 'JOIN departments n ON n.id = c.subject_id';
  const rows = ctx.sql.all<{ id: string; name: string; received: number; givers: number }>(
    `SELECT c.subject_id AS id, n.name, c.received, c.givers FROM board_counts c ${nameJoin}
     WHERE c.period = ? AND c.bucket = ? AND c.kind = ?
     ORDER BY c.received DESC, c.givers DESC, n.name LIMIT ?`,
    query.period,
    bucket,
    query.kind,
    query.limit,
  );
  let rank = 0;
  let previous = -1;
  return {
    period: query.period,
    bucket,
    kind: query.kind,
    rows: rows.map((r, i) => {
      // Ties share a rank (1, 2, 2, 4).
      if (r.received !== previous) rank = i + 1;
      previous = r.received;
      return { rank, id: r.id, name: r.name, received: r.received, distinctGivers: r.givers };
    }),
  };
}
