import type { EventType } from '../../shared/events.ts';
import { type Audience, audienceOf, nobody } from './audience.ts';
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

/**
 * The pushes for the events after `after` (at most `limit`), with each ask's parties as they stand now: one
 * statement, since it runs after every command.
 */
export function pushesSince(sql: SqlPort, after: number, limit = 500): Push[] {
  const rows = sql.all<{
    seq: number;
    type: EventType;
    actor_id: string | null;
    subject_id: string | null;
    data: string;
    status: string | null;
    requester_id: string | null;
    to_kind: 'person' | 'department' | null;
    to_id: string | null;
    assignee_id: string | null;
  }>(
    `SELECT e.seq, e.type, e.actor_id, e.subject_id, e.data, a.status, a.requester_id, a.to_kind, a.to_id, a.assignee_id
     FROM events e LEFT JOIN asks a ON e.type LIKE 'ask.%' AND a.id = e.subject_id
     WHERE e.seq > ? ORDER BY e.seq LIMIT ?`,
    after,
    limit,
  );
  // A paused webhook is told to every admin (notifications.ts): read them only when one was paused.
  let admins: string[] | undefined;
  const adminIds = () =>
    (admins ??= sql.all<{ id: string }>(`SELECT id FROM people WHERE role = 'admin' AND active = 1`).map((a) => a.id));
  return rows.map((r) => ({
    seq: r.seq,
    audience:
      r.type === 'webhook.paused'
        ? { ...nobody, people: adminIds() }
        : audienceOf(
            { type: r.type, actorId: r.actor_id, subjectId: r.subject_id, data: JSON.parse(r.data) },
            r.requester_id && r.to_kind && r.to_id && r.status
              ? {
                  status: r.status,
                  requesterId: r.requester_id,
                  toKind: r.to_kind,
                  toId: r.to_id,
                  assigneeId: r.assignee_id,
                }
              : null,
          ),
    revokedToken: r.type === 'token.revoked' ? r.subject_id : null,
  }));
}
