import type { Ask, AskStatus, Importance, PageContext } from '../../shared/asks.ts';
import { type BusinessHours, defaultBusinessHours, type RecipientKind } from '../../shared/people.ts';
import { cleanUrl } from '../../shared/urls.ts';
import { addBusinessMs, businessMs } from './business-hours.ts';
import type { LedgerContext } from './context.ts';
import { overdueAt, uncount } from './views/overdue.ts';

/** An ask as stored, with the names and the standard it is read with. */
export interface AskRow {
  id: string;
  seq: number;
  updated_seq: number;
  requester_id: string;
  requester_name: string;
  to_kind: RecipientKind;
  to_id: string;
  to_name: string;
  assignee_id: string | null;
  assignee_name: string | null;
  subject: string;
  details: string;
  context: string | null;
  expected_by: string | null;
  importance: Importance;
  status: AskStatus;
  decline_reason: string | null;
  created_at: string;
  first_response_at: string | null;
  first_response_ms: number | null;
  resolved_at: string | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  resolution_ms: number | null;
  waiting_since: string | null;
  waited_ms: number;
  reply_count: number;
  first_response_hours: number | null;
  resolution_hours: number | null;
  hours: string | null;
  overall: number | null;
  communication: number | null;
  responsiveness: number | null;
  quality: number | null;
  rating_comment: string | null;
  thank_count: number;
  /** The department this ask is counted overdue in by the last sweep (views/overdue.ts). */
  overdue_in: string | null;
}

export const askSelect = `SELECT a.*, rq.name AS requester_name,
  COALESCE(tp.name, td.name, '') AS to_name, asg.name AS assignee_name, rb.name AS resolved_by_name,
  td.first_response_hours, td.resolution_hours, td.hours,
  r.overall, r.communication, r.responsiveness, r.quality, r.comment AS rating_comment,
  (SELECT COUNT(*) FROM thanks t WHERE t.ask_id = a.id AND t.visibility = 'public') AS thank_count
  FROM asks a JOIN people rq ON rq.id = a.requester_id
  LEFT JOIN people tp ON a.to_kind = 'person' AND tp.id = a.to_id
  LEFT JOIN departments td ON a.to_kind = 'department' AND td.id = a.to_id
  LEFT JOIN people asg ON asg.id = a.assignee_id
  LEFT JOIN people rb ON rb.id = a.resolved_by
  LEFT JOIN ask_ratings r ON r.ask_id = a.id`;

// Positional parameters only (no ?NNN): both SQLite drivers bind them the same way.
/** Who may read an ask: requester, addressed person, assignee, followers, the addressed department's members. Binds the person id 5 times. */
export const readableBy = `(a.requester_id = ? OR (a.to_kind = 'person' AND a.to_id = ?) OR a.assignee_id = ?
  OR a.id IN (SELECT ask_id FROM ask_followers WHERE person_id = ?)
  OR (a.to_kind = 'department' AND a.to_id IN (SELECT department_id FROM memberships WHERE person_id = ?)))`;
export const fiveTimes = (v: string) => [v, v, v, v, v] as const;

export const isTerminal = (status: AskStatus) => status === 'resolved' || status === 'declined';

export const hoursOf = (row: Pick<AskRow, 'hours'>): BusinessHours =>
  row.hours ? (JSON.parse(row.hours) as BusinessHours) : defaultBusinessHours;

/** Business time spent waiting on the requester, including a wait still running. */
export function waitedMs(row: AskRow, now: number): number {
  const running = row.waiting_since ? businessMs(Date.parse(row.waiting_since), now, hoursOf(row)) : 0;
  return row.waited_ms + running;
}

/** The ask against its department's standard, at `now`. Asks to a person have no standard. */
export function clockOf(row: AskRow, now: number): Ask['clock'] {
  const hours = hoursOf(row);
  const created = Date.parse(row.created_at);
  const waiting = waitedMs(row, now);
  const hasStandard = row.first_response_hours !== null && row.resolution_hours !== null;
  const iso = (t: number) => (Number.isFinite(t) ? new Date(t).toISOString() : null);
  const firstDue = hasStandard ? addBusinessMs(created, (row.first_response_hours ?? 0) * 3_600_000, hours) : null;
  const resolutionDue = hasStandard
    ? addBusinessMs(created, (row.resolution_hours ?? 0) * 3_600_000 + waiting, hours)
    : null;
  const live = !isTerminal(row.status) && row.status !== 'waiting_on_requester';
  const overdue =
    live &&
    ((firstDue !== null && row.first_response_at === null && now > firstDue) ||
      (resolutionDue !== null && now > resolutionDue));
  return {
    firstResponseDueAt: firstDue === null ? null : iso(firstDue),
    resolutionDueAt: resolutionDue === null ? null : iso(resolutionDue),
    firstResponseMs: row.first_response_ms,
    resolutionMs: row.resolution_ms,
    waitingMs: waiting,
    overdue,
  };
}

/** Asks stored before the server cleaned page URLs may hold a session in theirs: cleaned on the way out too. */
function storedContext(json: string): PageContext {
  const context = JSON.parse(json) as PageContext;
  return { ...context, url: cleanUrl(context.url) };
}

export function toAsk(row: AskRow, now: number): Ask {
  const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
  return {
    id: row.id,
    seq: row.seq,
    updatedSeq: row.updated_seq,
    requester: { id: row.requester_id, name: row.requester_name },
    to: { kind: row.to_kind, id: row.to_id, name: row.to_name },
    assignee: ref(row.assignee_id, row.assignee_name),
    subject: row.subject,
    details: row.details,
    context: row.context ? storedContext(row.context) : null,
    expectedBy: row.expected_by,
    importance: row.importance,
    status: row.status,
    declineReason: row.decline_reason,
    createdAt: row.created_at,
    firstResponseAt: row.first_response_at,
    resolvedAt: row.resolved_at,
    resolvedBy: ref(row.resolved_by, row.resolved_by_name),
    clock: clockOf(row, now),
    rating:
      row.overall === null
        ? null
        : {
            overall: row.overall,
            communication: row.communication ?? undefined,
            responsiveness: row.responsiveness ?? undefined,
            quality: row.quality ?? undefined,
            comment: row.rating_comment ?? '',
          },
    thankCount: row.thank_count,
    replyCount: row.reply_count,
  };
}

export function askRow(ctx: LedgerContext, id: string): AskRow | undefined {
  return ctx.sql.one<AskRow>(`${askSelect} WHERE a.id = ?`, id);
}

export function readAsks(ctx: LedgerContext, where: string, ...params: (string | number)[]): Ask[] {
  const now = ctx.now().getTime();
  return ctx.sql.all<AskRow>(`${askSelect} WHERE ${where}`, ...params).map((r) => toAsk(r, now));
}

/**
 * Stores when the ask falls due (first response, resolution) at its current standard, so the
 * managers' overdue counts are an indexed range, not a clock computed per open ask.
 */
export function refreshDue(ctx: LedgerContext, id: string): void {
  const row = askRow(ctx, id);
  if (!row) return;
  const clock = clockOf(row, ctx.now().getTime());
  const at = overdueAt(row, clock);
  // Counted overdue in a department it no longer is, or no longer overdue: out of the count (a sweep
  // or a read counts it again where it now belongs).
  if (
    row.overdue_in !== null &&
    (at === null || at >= ctx.now().toISOString() || row.to_kind !== 'department' || row.to_id !== row.overdue_in)
  ) {
    uncount(ctx, id, row.overdue_in);
  }
  ctx.sql.run(
    'UPDATE asks SET fr_due_at = ?, res_due_at = ?, overdue_at = ? WHERE id = ?',
    clock.firstResponseDueAt,
    clock.resolutionDueAt,
    at,
    id,
  );
}

/** Dates the open asks of a ledger from before due times were stored. */
export function backfillDue(ctx: LedgerContext): void {
  const open = ctx.sql.all<{ id: string }>(
    "SELECT id FROM asks WHERE status NOT IN ('resolved', 'declined') AND res_due_at IS NULL",
  );
  for (const { id } of open) refreshDue(ctx, id);
}
