import type { AskDetail, Rate } from '../../shared/asks.ts';
import { askDetail, readableAsk } from './asks.ts';
import type { LedgerContext, Principal } from './context.ts';
import { LedgerError } from './errors.ts';
import { appendEvent } from './events.ts';
import { type Idempotent, once } from './idempotency.ts';
import { countWrite } from './limits.ts';
import { recordThank } from './thanks.ts';

/**
 * The requester rates a resolved ask and, in the same step, may thank whoever resolved it: one
 * transaction, the thank-you linked to the ask. No rating is asked of someone who closed their own ask.
 */
export function rateAsk(
  ctx: LedgerContext,
  who: Principal,
  id: string,
  input: Rate,
  key: string,
): Idempotent<AskDetail> {
  return ctx.sql.transaction(() =>
    once(ctx, who.personId, key, { op: 'rate', id, input }, () => {
      const row = readableAsk(ctx, who, id);
      if (row.requester_id !== who.personId) throw new LedgerError('forbidden', 'Only the requester rates an ask');
      if (row.status !== 'resolved' || !row.resolved_by || row.resolved_by === row.requester_id) {
        throw new LedgerError('rating_not_applicable', 'Only an ask someone else resolved for you can be rated');
      }
      if (row.overall !== null) throw new LedgerError('already_rated', 'You have rated this ask already');
      countWrite(ctx, who);
      const at = ctx.now().toISOString();
      ctx.sql.run(
        `INSERT INTO ask_ratings (ask_id, rater_id, overall, communication, responsiveness, quality, comment, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        id,
        who.personId,
        input.overall,
        input.communication ?? null,
        input.responsiveness ?? null,
        input.quality ?? null,
        input.comment,
        at,
      );
      const { thanks, ...rating } = input;
      const seq = appendEvent(ctx, 'ask.rated', who.personId, id, rating, at);
      ctx.sql.run('UPDATE asks SET updated_seq = ? WHERE id = ?', seq, id);
      if (thanks) {
        recordThank(ctx, who, {
          to: [{ kind: 'person', id: row.resolved_by }],
          message: thanks.message,
          values: thanks.values,
          askId: id,
          visibility: 'public',
        });
      }
      return askDetail(ctx, who, id);
    }),
  );
}
