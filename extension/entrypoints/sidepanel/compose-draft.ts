import { i18n } from '#i18n';
import type { PageContext } from '../../../shared/asks.ts';
import { limits } from '../../../shared/limits.ts';
import { thanksSelf } from '../../../shared/rules.ts';
import type { Me } from '../../../shared/session.ts';
import { tooLong } from '../../ui/char-count.tsx';
import type { DirectoryItem } from '../../utils/api.ts';
import { listOf } from '../../utils/format.ts';
import type { NewItem } from '../../utils/outbox.ts';
import type { OutboxRequest } from '../../utils/storage.ts';
import { validate } from '../../utils/validation.ts';
import { type AskInput, type FieldErrors, fieldKeys, type Mode, type ThankInput } from './compose-input.ts';

type AskBody = Extract<OutboxRequest, { kind: 'ask' }>['body'];
type ThankBody = Extract<OutboxRequest, { kind: 'thank' }>['body'];

/** A validated send, before it gets its idempotency key. */
export type Draft = Omit<NewItem, 'key'>;

/** What the form shows after a refusal: messages beside their fields, the rest in one alert. */
export interface Refusal {
  errors: FieldErrors;
  alert: string | null;
}

const isField = (key: string): key is keyof FieldErrors => (fieldKeys as readonly string[]).includes(key);

/** Puts each message (by schema or server path) beside its field; what matches no field goes to the alert. */
export function placeErrors(byPath: Record<string, string>, fallback?: string): Refusal {
  const errors: FieldErrors = {};
  const rest: string[] = [];
  for (const [path, message] of Object.entries(byPath)) {
    const top = path.split('.')[0];
    if (isField(top)) errors[top] ??= message;
    else rest.push(top === 'context' ? i18n.t('panel.compose.draft.attachedPage', [message]) : message);
  }
  if (!Object.keys(byPath).length && fallback) rest.push(fallback);
  return { errors, alert: rest.length ? rest.join(' ') : null };
}

const snippetOf = (text: string) => {
  const line = text.trim().replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
};

interface ComposeState {
  mode: Mode;
  picked: DirectoryItem[];
  ask: AskInput;
  thank: ThankInput;
  context: PageContext | null;
  me: Me;
}

/**
 * Validates early with the shared schemas (in the background: the panel loads no zod), and refuses text
 * over its limit with the reason (nothing is cut to fit). Returns the send, or what to show the person.
 */
export async function draftOf({
  mode,
  picked,
  ask,
  thank,
  context,
  me,
}: ComposeState): Promise<{ draft: Draft } | Refusal> {
  const to = picked.map(({ kind, id }) => ({ kind, id }));
  // "Ana, Ben" in English, and the person's own list punctuation elsewhere.
  const names = listOf(picked.map((p) => p.name));
  if (mode === 'ask') {
    const attached = ask.attach && context ? context : undefined;
    const parsed = await validate<AskBody>('ask', {
      to: to[0],
      subject: ask.subject,
      details: ask.details,
      context: attached,
      expectedBy: ask.expectedBy || undefined,
      importance: ask.importance,
    });
    const refusal = placeErrors(parsed.ok ? {} : parsed.fields);
    const long = { subject: tooLong(ask.subject, limits.subject), details: tooLong(ask.details, limits.details) };
    if (!to.length) refusal.errors.to = i18n.t('panel.compose.draft.chooseRecipient');
    if (long.subject) refusal.errors.subject = long.subject;
    if (long.details) refusal.errors.details = long.details;
    if (!parsed.ok || Object.keys(refusal.errors).length) return refusal;
    const screenshot = attached && ask.screenshot?.url === attached.url ? ask.screenshot.image : null;
    return {
      draft: {
        request: { kind: 'ask', body: parsed.data },
        to: names,
        snippet: snippetOf(parsed.data.subject),
        ...(screenshot ? { screenshot } : {}),
      },
    };
  }
  const parsed = await validate<ThankBody>('thank', {
    to,
    message: thank.message,
    // Only values still offered: one retired since it was chosen has left the chips.
    values: thank.values.filter((id) => me.values.some((v) => v.id === id)),
    visibility: thank.private ? 'private' : 'public',
  });
  const refusal = placeErrors(parsed.ok ? {} : parsed.fields);
  const long = tooLong(thank.message, limits.thankMessage);
  if (thanksSelf(me.person.id, to)) refusal.errors.to = i18n.t('panel.compose.draft.notYourself');
  if (long) refusal.errors.message = long;
  if (!parsed.ok || Object.keys(refusal.errors).length) return refusal;
  return {
    draft: { request: { kind: 'thank', body: parsed.data }, to: names, snippet: snippetOf(parsed.data.message) },
  };
}
