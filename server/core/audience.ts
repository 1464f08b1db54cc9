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

const nobody: Audience = { people: [], departments: [], everyone: false, regroup: false };

const parties = (ask: AskParties): Audience => ({
  ...nobody,
  people: [
    ask.requesterId,
    ...(ask.toKind === 'person' ? [ask.toId] : []),
    ...(ask.assigneeId ? [ask.assigneeId] : []),
  ],
  departments: ask.toKind === 'department' ? [ask.toId] : [],
});

/**
 * Which people and departments an event concerns, for push: the ask's requester, addressee (a person or a
 * department) and assignee for anything that happens to an ask (a forwarded ask also the department it left);
 * a thank-you's recipients only, public or private (a private one never reaches anyone else); a person's
 * update that person, re-checked (departments, deactivation); an import everyone, re-checked. Settings, values,
 * invitations and tokens change no one's waiting count: nobody (a revoked token's socket is closed apart).
 */
export function audienceOf(event: AudienceEvent, ask: AskParties | null): Audience {
  switch (event.type) {
    case 'ask.created':
    case 'ask.status':
    case 'ask.replied':
    case 'ask.assigned':
    case 'ask.rated':
      return ask ? parties(ask) : nobody;
    case 'ask.forwarded': {
      if (!ask) return nobody;
      const from = (event.data.from as { id?: string } | undefined)?.id;
      const audience = parties(ask);
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
    default:
      return nobody;
  }
}
