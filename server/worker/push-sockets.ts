import { pushClose, pushPing, pushPong, pushProtocol, socketsPerPerson } from '../../shared/push.ts';
import type { Audience } from '../core/audience.ts';
import { dueAudience } from '../core/due-pushes.ts';
import {
  allDepartments,
  departmentsOf,
  lastEventSeq,
  type Push,
  pushesSince,
  type SocketIdentity,
  socketIdentity,
} from '../core/push-feed.ts';
import type { LedgerOp } from '../core/remote.ts';
import type { SqlPort } from '../core/sql.ts';

/**
 * Operations that append no event: after them there is nothing to push, and the statement that would look is
 * saved on every poll. (One left out only costs that statement; one wrongly in delays a push to the next write.)
 */
const reads = new Set<LedgerOp>([
  'authenticate',
  'sync',
  'me',
  'inbox',
  'queue',
  'directory',
  'departments',
  'askDetail',
  'similarAsks',
  'assignees',
  'tokens',
  'settings',
  'leaderboard',
  'unsung',
  'service',
  'handoffs',
  'trends',
  'digest',
  'events',
  'nextOverdue',
  'nextScreenshotRemoval',
  'screenshotsToRemove',
  'viewsSnapshot',
  'pulses',
  'myPulses',
  'pulseResults',
  'nextPulseWork',
]);

/** The header by which the Worker hands the object the connecting token's hash (never the token). */
export const tokenHashHeader = 'x-tandem-token-hash';

/** A socket carries at most 10 tags: the person, the token, and up to 8 departments; more go in the attachment. */
const maxDepartmentTags = 8;
const wideTag = 'd:*';
const pageSize = 500;

type Attachment = Pick<SocketIdentity, 'personId' | 'departments'>;

/**
 * The organisation's push sockets, kept by the Durable Object's WebSocket hibernation: an idle socket costs the
 * object nothing, its pings are answered by the runtime, and the object runs only to accept a socket and, after a
 * write, to tell the sockets the write concerns. Each socket is tagged `p:<person>`, `t:<token>` and
 * `d:<department>` for each of the person's departments.
 */
export function pushSockets(ctx: DurableObjectState, sql: SqlPort) {
  // Keep-alive pings never wake the object.
  ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(pushPing, pushPong));
  /**
   * The last event told to sockets. Not stored: a new instance (after hibernation or eviction) starts from the
   * last event as it wakes, before the write that woke it (read then, the first write after waking went
   * untold), since every write's invoke pushed its events before returning; a client syncs when it connects.
   */
  let pushed = lastEventSeq(sql);

  const send = (targets: Map<WebSocket, number>, due = false) => {
    for (const [ws, seq] of targets) {
      try {
        ws.send(JSON.stringify(due ? { seq, due } : { seq }));
      } catch {
        // Closing already: it will sync when it reconnects.
      }
    }
  };

  const socketsOf = (audience: Audience): WebSocket[] => {
    if (audience.everyone) return ctx.getWebSockets();
    const found = [
      ...audience.people.flatMap((p) => ctx.getWebSockets(`p:${p}`)),
      ...audience.departments.flatMap((d) => ctx.getWebSockets(`d:${d}`)),
    ];
    if (audience.departments.length) {
      // People in more departments than a socket has tags for.
      for (const ws of ctx.getWebSockets(wideTag)) {
        const { departments } = ws.deserializeAttachment() as Attachment;
        if (departments.some((d) => audience.departments.includes(d))) found.push(ws);
      }
    }
    return found;
  };

  /** Sockets whose person's departments changed, or who was deactivated, reconnect (tags are fixed at accept). */
  const regroup = (audience: Audience) => {
    const sockets = audience.everyone
      ? ctx.getWebSockets()
      : audience.people.flatMap((p) => ctx.getWebSockets(`p:${p}`));
    if (!sockets.length) return;
    const now = audience.everyone ? allDepartments(sql) : departmentsOf(sql, audience.people);
    for (const ws of sockets) {
      const { personId, departments } = ws.deserializeAttachment() as Attachment;
      const current = now.get(personId);
      if (!current || current.join() !== departments.join()) ws.close(pushClose.regroup, 'departments changed');
    }
  };

  const fanOut = (pushes: Push[]) => {
    const targets = new Map<WebSocket, number>();
    for (const push of pushes) {
      if (push.revokedToken)
        for (const ws of ctx.getWebSockets(`t:${push.revokedToken}`)) ws.close(pushClose.revoked, 'signed out');
      for (const ws of socketsOf(push.audience)) targets.set(ws, push.seq);
      if (push.audience.regroup) regroup(push.audience);
    }
    send(targets);
  };

  const flush = (): void => {
    try {
      for (let more = true; more; ) {
        const pushes = pushesSince(sql, pushed, pageSize);
        if (!pushes.length) return;
        fanOut(pushes);
        pushed = pushes[pushes.length - 1].seq;
        more = pushes.length === pageSize;
      }
    } catch (error) {
      // The command committed: its answer must not fail for a push. Clients sync on their next poll or reconnect.
      console.error('[push] fan-out failed', error);
    }
  };

  return {
    /** The Worker's authenticated upgrade: accept it for the token's person, or 401. */
    accept(request: Request): Response {
      const identity = socketIdentity(sql, request.headers.get(tokenHashHeader) ?? '');
      if (!identity)
        return Response.json({ error: { code: 'unauthenticated', message: 'Sign in first' } }, { status: 401 });
      const { 0: client, 1: server } = new WebSocketPair();
      const { personId, tokenId, departments } = identity;
      // One person cannot pile sockets onto the object: beyond the allowance, the oldest gives way.
      const open = ctx.getWebSockets(`p:${personId}`);
      for (const ws of open.slice(0, Math.max(0, open.length - socketsPerPerson + 1))) {
        ws.close(pushClose.replaced, 'too many sockets');
      }
      const tags = [`p:${personId}`, `t:${tokenId}`];
      if (departments.length > maxDepartmentTags) tags.push(wideTag);
      else tags.push(...departments.map((d) => `d:${d}`));
      ctx.acceptWebSocket(server, tags);
      server.serializeAttachment({ personId, departments } satisfies Attachment);
      return new Response(null, {
        status: 101,
        webSocket: client,
        headers: { 'sec-websocket-protocol': pushProtocol },
      });
    },

    /** After a command: tell the sockets concerned by the events since the last push. */
    afterWrite(op: LedgerOp): void {
      if (!reads.has(op)) flush();
    },

    /** Tells the sockets concerned by the events since the last push (a command's, or the alarm's delivery round's). */
    flush,

    /**
     * The alarm's ring: tell the sockets of whoever has an ask that came within the hour of its due time or passed
     * it since the last ring (core/due-pushes.ts). `due` makes the extension ask for notifications though no event
     * is new. Returns how many sockets were told.
     */
    dueNow(now: Date): number {
      const audience = dueAudience(sql, now);
      if (!audience) return 0;
      const seq = lastEventSeq(sql);
      const targets = new Map(socketsOf(audience).map((ws) => [ws, seq]));
      send(targets, true);
      return targets.size;
    },

    /** Anything but a ping (answered by the runtime) is answered with the last event's number. */
    message(ws: WebSocket): void {
      ws.send(JSON.stringify({ seq: lastEventSeq(sql) }));
    },
  };
}
