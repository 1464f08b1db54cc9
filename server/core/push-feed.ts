import type { EventType } from '../../shared/events.ts';
import { type Audience, audienceOf } from './audience.ts';
import { jsonList, type SqlPort } from './sql.ts';

/** What push needs to know about a connecting token: whose it is, which one, and the person's departments. */
export interface SocketIdentity {
  personId: string;
  tokenId: string;
  departments: string[];
}

/** The live token with this hash, of an active person; null for a wrong, revoked or deactivated one. */
export function socketIdentity(sql: SqlPort, tokenHash: string): SocketIdentity | null {
  const row = sql.one<{ id: string; person_id: string }>(
    `SELECT t.id, t.person_id FROM tokens t JOIN people p ON p.id = t.person_id
     WHERE t.hash = ? AND t.revoked_at IS NULL AND p.active = 1`,
    tokenHash,
  );
  if (!row) return null;
  return {
    personId: row.person_id,
    tokenId: row.id,
    departments: departmentsOf(sql, [row.person_id]).get(row.person_id) ?? [],
  };
}

/** Active people's departments, sorted (people not listed are inactive or unknown). */
export function departmentsOf(sql: SqlPort, personIds: string[]): Map<string, string[]> {
  const rows = sql.all<{ id: string; department_id: string | null }>(
    `SELECT p.id, m.department_id FROM people p LEFT JOIN memberships m ON m.person_id = p.id
     WHERE p.active = 1 AND p.id IN (SELECT value FROM json_each(?)) ORDER BY m.department_id`,
    jsonList(personIds),
  );
  const result = new Map<string, string[]>();
  for (const r of rows) {
    const list = result.get(r.id) ?? [];
    if (r.department_id) list.push(r.department_id);
    result.set(r.id, list);
  }
  return result;
}

/** Every active person's departments (after an import moved people). */
export function allDepartments(sql: SqlPort): Map<string, string[]> {
  const ids = sql.all<{ id: string }>('SELECT id FROM people WHERE active = 1').map((r) => r.id);
  const result = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 1000)
    for (const [k, v] of departmentsOf(sql, ids.slice(i, i + 1000))) result.set(k, v);
  return result;
}

export function lastEventSeq(sql: SqlPort): number {
  return sql.one<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM events')?.seq ?? 0;
}

/** One event's push: its sequence number and who it concerns; `revokedToken` when it ended a token. */
export interface Push {
  seq: number;
  audience: Audience;
  revokedToken: string | null;
}

/** The pushes for the events after `after` (at most `limit`), with each ask's parties as they stand now. */
export function pushesSince(sql: SqlPort, after: number, limit = 500): Push[] {
  const events = sql.all<{
    seq: number;
    type: EventType;
    actor_id: string | null;
    subject_id: string | null;
    data: string;
  }>('SELECT seq, type, actor_id, subject_id, data FROM events WHERE seq > ? ORDER BY seq LIMIT ?', after, limit);
  const askIds = [
    ...new Set(events.filter((e) => e.type.startsWith('ask.') && e.subject_id).map((e) => e.subject_id as string)),
  ];
  const asks = new Map(
    sql
      .all<{
        id: string;
        status: string;
        requester_id: string;
        to_kind: 'person' | 'department';
        to_id: string;
        assignee_id: string | null;
      }>(
        'SELECT id, status, requester_id, to_kind, to_id, assignee_id FROM asks WHERE id IN (SELECT value FROM json_each(?))',
        jsonList(askIds),
      )
      .map((a) => [
        a.id,
        { status: a.status, requesterId: a.requester_id, toKind: a.to_kind, toId: a.to_id, assigneeId: a.assignee_id },
      ]),
  );
  return events.map((e) => ({
    seq: e.seq,
    audience: audienceOf(
      { type: e.type, actorId: e.actor_id, subjectId: e.subject_id, data: JSON.parse(e.data) },
      e.subject_id ? (asks.get(e.subject_id) ?? null) : null,
    ),
    revokedToken: e.type === 'token.revoked' ? e.subject_id : null,
  }));
}
