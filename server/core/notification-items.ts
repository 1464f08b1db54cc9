import type { NotificationItem } from '../../shared/notifications.ts';

/** An event after the cursor, with what the person's item needs from its ask or thank-you. */
export interface NotifiableRow {
  seq: number;
  type: string;
  actor_id: string | null;
  subject_id: string;
  data: string;
  at: string;
  actor_name: string | null;
  requester_id: string | null;
  to_kind: string | null;
  to_id: string | null;
  to_name: string | null;
  assignee_id: string | null;
  status: string | null;
  subject: string | null;
  /** Set only when the person is one of the thank-you's recipients (a private one's message reaches no one else). */
  thank_message: string | null;
  /** A paused webhook's name. */
  webhook_name: string | null;
}

/** Who a person is to the ledger: themselves, their departments, and whether they administer the organisation. */
export interface Reader {
  personId: string;
  departments: ReadonlySet<string>;
  admin: boolean;
}

const ended = (status: string | null) => status === 'resolved' || status === 'declined';
const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Whether an ask is (still) mine to act on: to me, or to my department and not assigned to someone else. */
function isForMe(r: NotifiableRow, me: Reader): boolean {
  if (ended(r.status)) return false;
  if (r.assignee_id !== null) return r.assignee_id === me.personId;
  if (r.to_kind === 'person') return r.to_id === me.personId;
  return r.to_kind === 'department' && r.to_id !== null && me.departments.has(r.to_id);
}

/** Whether I am on the ask: I asked, it is addressed to me, or it is assigned to me. */
const isMine = (r: NotifiableRow, me: Reader) =>
  r.requester_id === me.personId ||
  r.assignee_id === me.personId ||
  (r.to_kind === 'person' && r.to_id === me.personId);

/**
 * The item an event makes for this person, or null when it does not concern them. The caller has left out
 * their own actions; the wording is the server's (English), the kind lets the extension choose its own.
 */
export function itemFor(r: NotifiableRow, me: Reader): NotificationItem | null {
  const data = JSON.parse(r.data) as Record<string, unknown>;
  const who = r.actor_name ?? 'Someone';
  const subject = r.subject ?? '';
  const base = { at: r.at, seq: r.seq };
  const ask = (kind: NotificationItem['kind'], title: string, body: string): NotificationItem => ({
    ...base,
    id: `${kind}:${r.seq}`,
    kind,
    askId: r.subject_id,
    title,
    body: clip(body),
  });
  switch (r.type) {
    case 'ask.created': {
      const to = data.to as { kind: string; id: string };
      if (to.id !== r.to_id || !isForMe(r, me)) return null; // forwarded or assigned away since
      return ask('newAsk', to.kind === 'person' ? `${who} asked you` : `${who} asked ${r.to_name ?? ''}`, subject);
    }
    case 'ask.forwarded': {
      const to = data.to as { id: string; name: string };
      if (to.id !== r.to_id || !isForMe(r, me)) return null;
      return ask('newAsk', `${who} forwarded an ask to ${to.name}`, subject);
    }
    case 'ask.assigned': {
      const assignee = data.assignee as { id: string } | null;
      if (assignee?.id !== me.personId || !isForMe(r, me)) return null;
      return ask('newAsk', `${who} assigned you an ask`, subject);
    }
    case 'ask.replied':
      if (!isMine(r, me)) return null;
      return ask('reply', `${who} replied: ${clip(subject, 80)}`, String(data.body ?? ''));
    case 'ask.status': {
      if (r.requester_id !== me.personId) return null;
      if (data.to === 'resolved') return ask('resolved', `${who} resolved your ask`, subject);
      if (data.to === 'declined') return ask('reply', `${who} declined your ask`, subject);
      if (data.to === 'waiting_on_requester') return ask('reply', `${who} needs your answer`, subject);
      return null;
    }
    case 'thank.created':
      if (r.thank_message === null) return null;
      return {
        ...base,
        id: `thanks:${r.seq}`,
        kind: 'thanks',
        thankId: r.subject_id,
        title: `${who} thanked you`,
        body: clip(r.thank_message),
      };
    case 'webhook.paused':
      // Its deliveries wait for an admin to resume it: every admin is told, with the reason.
      if (!me.admin) return null;
      return {
        ...base,
        id: `webhookPaused:${r.seq}`,
        kind: 'webhookPaused',
        webhookId: r.subject_id,
        title: `Webhook paused: ${r.webhook_name ?? 'a webhook'}`,
        body: clip(String(data.reason ?? '')),
      };
    default:
      return null;
  }
}
