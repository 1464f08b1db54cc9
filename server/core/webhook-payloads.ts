import type { Digest } from '../../shared/digest.ts';
import { pct } from '../../shared/format.ts';
import type { DeliveryKind, WebhookTarget } from '../../shared/webhooks.ts';
import type { LedgerContext } from './context.ts';

/*
 * What a delivery says, rendered for its target: Slack's incoming-webhook JSON ({text, blocks}), a Teams
 * Workflows message carrying an Adaptive Card, or Standard Webhooks JSON ({type, timestamp, data}).
 * Names are display names; no email address ever leaves in a payload.
 */

/** One announcement before rendering: a headline, a few lines, and the data generic receivers get. */
export interface Announcement {
  kind: DeliveryKind;
  at: string;
  title: string;
  lines: string[];
  data: Record<string, unknown>;
}

const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function render(target: WebhookTarget, a: Announcement): string {
  if (target === 'slack') {
    const text = [a.title, ...a.lines].map(slackEscape).join('\n');
    return JSON.stringify({
      text,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `*${slackEscape(a.title)}*` } },
        ...(a.lines.length
          ? [{ type: 'section', text: { type: 'mrkdwn', text: a.lines.map(slackEscape).join('\n') } }]
          : []),
      ],
    });
  }
  if (target === 'teams') {
    return JSON.stringify({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [
              { type: 'TextBlock', text: a.title, weight: 'Bolder', size: 'Medium', wrap: true },
              ...a.lines.map((text) => ({ type: 'TextBlock', text, wrap: true })),
            ],
          },
        },
      ],
    });
  }
  return JSON.stringify({ type: a.kind, timestamp: a.at, data: a.data });
}

interface ThankRow {
  id: string;
  sender: string;
  message: string;
  values: string;
  visibility: string;
  created_at: string;
}

/** A public thank-you, or null when there is none (or it is private: those never leave). */
export function thankAnnouncement(ctx: LedgerContext, thankId: string): Announcement | null {
  const t = ctx.sql.one<ThankRow>(
    `SELECT t.id, s.name AS sender, t.message, t."values", t.visibility, t.created_at
     FROM thanks t JOIN people s ON s.id = t.sender_id WHERE t.id = ?`,
    thankId,
  );
  if (t?.visibility !== 'public') return null;
  const to = ctx.sql.all<{ kind: string; id: string; name: string }>(
    `SELECT r.kind, r.recipient_id AS id, COALESCE(p.name, d.name, '') AS name FROM thank_recipients r
     LEFT JOIN people p ON r.kind = 'person' AND p.id = r.recipient_id
     LEFT JOIN departments d ON r.kind = 'department' AND d.id = r.recipient_id
     WHERE r.thank_id = ?`,
    thankId,
  );
  const values = JSON.parse(t.values) as string[];
  const names = to.map((r) => r.name).join(', ');
  return {
    kind: 'thank.public',
    at: t.created_at,
    title: `${t.sender} thanked ${names}`,
    lines: [t.message, ...(values.length ? [`Values: ${values.join(', ')}`] : [])],
    data: { id: t.id, from: { name: t.sender }, to, message: t.message, values, createdAt: t.created_at },
  };
}

interface AskRow {
  id: string;
  subject: string;
  importance: string;
  requester: string;
  department: string;
  department_id: string;
  created_at: string;
  overdue_at: string | null;
}

const askRow = (ctx: LedgerContext, askId: string) =>
  ctx.sql.one<AskRow>(
    `SELECT a.id, a.subject, a.importance, p.name AS requester, d.name AS department, d.id AS department_id,
       a.created_at, a.overdue_at
     FROM asks a JOIN people p ON p.id = a.requester_id JOIN departments d ON a.to_kind = 'department' AND d.id = a.to_id
     WHERE a.id = ?`,
    askId,
  );

/** A new ask to a department, an ask about to miss its standard, or one that missed it. */
export function askAnnouncement(
  ctx: LedgerContext,
  kind: 'ask.new' | 'ask.at_risk' | 'ask.overdue',
  askId: string,
): Announcement | null {
  const a = askRow(ctx, askId);
  if (!a) return null;
  const title =
    kind === 'ask.new'
      ? `New ask to ${a.department} from ${a.requester}`
      : kind === 'ask.at_risk'
        ? `An ask to ${a.department} is due within the hour`
        : `An ask to ${a.department} is overdue`;
  const due = a.overdue_at ? [`Due ${a.overdue_at.slice(0, 16).replace('T', ' ')} UTC`] : [];
  return {
    kind,
    at: kind === 'ask.new' ? a.created_at : ctx.now().toISOString(),
    title,
    lines: [a.subject, ...(kind === 'ask.new' ? [] : due)],
    data: {
      id: a.id,
      subject: a.subject,
      importance: a.importance,
      requester: { name: a.requester },
      department: { id: a.department_id, name: a.department },
      createdAt: a.created_at,
      dueAt: a.overdue_at,
    },
  };
}

/** A manager's weekly digest, shortened for chat; generic receivers get all of it. */
export function digestAnnouncement(d: Digest, at: string): Announcement {
  const top = d.topPeople.map((p) => `${p.name} (${p.received})`).join(', ');
  return {
    kind: 'digest',
    at,
    title: `Weekly digest for ${d.manager}: ${d.organisation}, ${d.week} (${d.from} to ${d.to})`,
    lines: [
      `${d.totals.thanks} thanks · ${d.totals.asksReceived} asks received · ${d.totals.asksResolved} resolved · ${pct(d.totals.withinStandard)} within standard · ${d.totals.overdueNow} overdue now`,
      top ? `Most thanked: ${top}` : 'Nobody was thanked this week',
      ...d.departments.map(
        (s) => `${s.name}: ${s.received} in, ${s.resolved} resolved, ${s.backlog} open, ${s.overdue} overdue`,
      ),
    ],
    data: d,
  };
}

export const pingAnnouncement = (webhookName: string, at: string): Announcement => ({
  kind: 'ping',
  at,
  title: `Test from Tandem: ${webhookName} works`,
  lines: [],
  data: { webhook: webhookName },
});
