import type { EventType } from '../../shared/events.ts';

/** Who an event concerns: their extensions are told at once that something changed. */
export interface Audience {
  people: string[];
  departments: string[];
  /** Everyone connected (a change that may alter anyone's view, e.g. an import moved people). */
  everyone: boolean;
  /** The event may have changed these people's departments or standing: re-check their open sockets. */
  regroup: boolean;
}

/** An ask's parties as they stand after the event. */
export interface AskParties {
  status: string;
  requesterId: string;
  toKind: 'person' | 'department';
  toId: string;
  assigneeId: string | null;
}

export interface AudienceEvent {
  type: EventType;
  actorId: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
}

export const nobody: Audience = { people: [], departments: [], everyone: false, regroup: false };

/** The ask's people, but not whoever acted: their own extension syncs after its own write. */
const parties = (ask: AskParties, actorId: string | null, department: boolean): Audience => ({
  ...nobody,
  people: [
    ...new Set([
      ask.requesterId,
      ...(ask.toKind === 'person' ? [ask.toId] : []),
      ...(ask.assigneeId ? [ask.assigneeId] : []),
    ]),
  ].filter((p) => p !== actorId),
  departments: department && ask.toKind === 'department' ? [ask.toId] : [],
});

/**
 * Whether an ask's event changes its department's queue of open, unassigned asks, which every member's waiting
 * count includes: a new ask, an ask picked up or put back (assigned or unassigned while open), an unassigned ask
 * leaving or re-entering `open`. Anything else (a reply, a rating, a status change of an assigned ask) concerns
 * only its people: a department of hundreds is not told of every reply.
 */
function movesQueue(event: AudienceEvent, ask: AskParties): boolean {
  switch (event.type) {
    case 'ask.created':
      return true;
    case 'ask.assigned':
      return ask.status === 'open';
    case 'ask.status':
      return ask.assigneeId === null && (event.data.from === 'open' || event.data.to === 'open');
    default:
      return false;
  }
}

/**
 * Which people and departments an event concerns, for push: the ask's requester, addressee and assignee for
 * anything that happens to an ask, except whoever acted; its department only when its queue moved (movesQueue; a
 * forwarded ask also the department it left);
 * a thank-you's recipients only, public or private (a private one never reaches anyone else); a person's
 * update that person, re-checked (departments, deactivation); an import everyone, re-checked; a pulse opened or its
 * changes recorded everyone (their panels' cards). Settings, values, pulse answers,
 * invitations and tokens change no one's waiting count: nobody (a revoked token's socket is closed apart).
 */
export function audienceOf(event: AudienceEvent, ask: AskParties | null): Audience {
  switch (event.type) {
    case 'ask.created':
    case 'ask.status':
    case 'ask.replied':
    case 'ask.assigned':
    case 'ask.rated':
      return ask ? parties(ask, event.actorId, movesQueue(event, ask)) : nobody;
    case 'ask.forwarded': {
      // Open and unassigned in its new department, gone from the old one's queue.
      if (!ask) return nobody;
      const from = (event.data.from as { id?: string } | undefined)?.id;
      const audience = parties(ask, event.actorId, true);
      return { ...audience, departments: [...audience.departments, ...(from ? [from] : [])] };
    }
    case 'thank.created': {
      const to = (event.data.to as { kind: 'person' | 'department'; id: string }[] | undefined) ?? [];
      return {
        ...nobody,
        people: to.filter((r) => r.kind === 'person').map((r) => r.id),
        departments: to.filter((r) => r.kind === 'department').map((r) => r.id),
      };
    }
    case 'person.updated':
    case 'person.added':
      return event.subjectId ? { ...nobody, people: [event.subjectId], regroup: true } : nobody;
    case 'people.imported':
      return { ...nobody, everyone: true, regroup: true };
    // A new pulse card, or a department's changes, may wait in anyone's panel. An answer or skip tells no one.
    case 'pulse.opened':
    case 'pulse.actions_set':
      return { ...nobody, everyone: true };
    default:
      return nobody;
  }
}
