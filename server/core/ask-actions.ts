import type { AskActions, AskStatus } from '../../shared/asks.ts';
import { type AskRow, isTerminal } from './ask-rows.ts';
import type { LedgerContext, Principal } from './context.ts';
import { isMember } from './directory.ts';

/** Who serves an ask: the person it is addressed to, its assignee, the addressed department's members. */
function isServer(ctx: LedgerContext, row: AskRow, personId: string): boolean {
  if (row.to_kind === 'person') return row.to_id === personId || row.assignee_id === personId;
  return row.assignee_id === personId || isMember(ctx, personId, row.to_id);
}

// The lifecycle, per side. Reopening is the requester's; so is closing their own ask.
export const serverMoves: Record<AskStatus, AskStatus[]> = {
  open: ['acknowledged', 'in_progress', 'waiting_on_requester', 'resolved', 'declined'],
  acknowledged: ['in_progress', 'waiting_on_requester', 'resolved', 'declined'],
  in_progress: ['waiting_on_requester', 'resolved', 'declined'],
  waiting_on_requester: ['in_progress', 'resolved', 'declined'],
  resolved: [],
  declined: [],
};
export const requesterMoves: Record<AskStatus, AskStatus[]> = {
  open: ['resolved'],
  acknowledged: ['resolved'],
  in_progress: ['resolved'],
  waiting_on_requester: ['in_progress', 'resolved'],
  resolved: ['open'],
  declined: ['open'],
};

export function movesFor(ctx: LedgerContext, row: AskRow, who: Principal): AskStatus[] {
  const moves = new Set<AskStatus>();
  if (isServer(ctx, row, who.personId)) for (const m of serverMoves[row.status]) moves.add(m);
  if (row.requester_id === who.personId) for (const m of requesterMoves[row.status]) moves.add(m);
  return [...moves];
}

export function actionsFor(ctx: LedgerContext, row: AskRow, who: Principal): AskActions {
  const server = isServer(ctx, row, who.personId);
  const requester = row.requester_id === who.personId;
  const open = !isTerminal(row.status);
  return {
    transitions: movesFor(ctx, row, who),
    canReply: open && (server || requester),
    canAssign: open && server && row.to_kind === 'department',
    canForward: open && server && row.to_kind === 'department',
    canRate: requester && row.status === 'resolved' && row.resolved_by !== row.requester_id && row.overall === null,
  };
}
