import { i18n } from '#i18n';
import type { SimilarAsk } from '../../shared/asks.ts';
import {
  type Api,
  ApiProblem,
  type AskInput,
  type AskResult,
  api,
  type DuplicateResult,
  type ThankResult,
} from './api.ts';
import { newIdempotencyKey } from './idempotency-key.ts';
import { type OutboxItem, type OutboxRequest, outboxItem, type StoredSession, sessionItem } from './storage.ts';

/**
 * The outbox: every send from the composer is written to `local` storage with its Idempotency-Key
 * before any network call, then flushed. Nothing the user wrote is lost when the server is down.
 *
 * Coordination: the background is the only context that writes the outbox or flushes it. The panel
 * asks it through runtime messages (utils/messages.ts) and only reads the item to show it. One
 * writer means no lease and no compare-and-swap (extension storage has neither): an in-memory
 * queue serialises the writes, and one flush runs at a time.
 */

/** What became of one item in a flush. */
export type Outcome =
  | { state: 'sent'; result: AskResult | ThankResult }
  /** The ask duplicates an open one: nothing was created; the item is kept as failed until someone decides. */
  | { state: 'duplicate'; duplicateOf: SimilarAsk }
  /** The server refused it (4xx): kept as failed with the server's message. */
  | { state: 'failed'; message: string; fields: Record<string, string>; status: number }
  /** Not sent yet (server unreachable, 5xx, signed out): kept, sent by a later flush. */
  | { state: 'pending' };

export type Outcomes = Map<string, Outcome>;

/** A cursor-style account id, the same shape the waiting badge uses. */
export const accountOf = (session: Pick<StoredSession, 'serverUrl' | 'me'>) =>
  `${session.serverUrl} ${session.me.person.id}`;

/** The items one account should see (pending and failed), oldest first. */
export const itemsFor = (items: OutboxItem[], account: string) => items.filter((i) => i.account === account);

let writes: Promise<unknown> = Promise.resolve();

/** Read-modify-write of the whole list, one at a time, so concurrent enqueues and removals never lose each other. */
function update<T>(fn: (items: OutboxItem[]) => { items: OutboxItem[]; value: T }): Promise<T> {
  const run = writes.then(async () => {
    const { items, value } = fn(await outboxItem.getValue());
    await outboxItem.setValue(items);
    return value;
  });
  writes = run.catch(() => {});
  return run;
}

export interface NewItem {
  request: OutboxRequest;
  key: string;
  to: string;
  snippet: string;
  /** An ask's screenshot, as a data URL: uploaded first, then attached as context.screenshot. */
  screenshot?: string;
}

/** Writes a send for the signed-in person; resolves once it is in storage. No network here. */
export function enqueue(session: Pick<StoredSession, 'serverUrl' | 'me'>, item: NewItem): Promise<OutboxItem> {
  const stored: OutboxItem = {
    id: crypto.randomUUID(),
    key: item.key,
    account: accountOf(session),
    request: item.request,
    to: item.to,
    snippet: item.snippet,
    createdAt: Date.now(),
    state: 'pending',
    ...(item.screenshot ? { screenshot: item.screenshot } : {}),
  };
  return update((items) => ({ items: [...items, stored], value: stored }));
}

/** The user gave up on an item. */
export function discard(id: string): Promise<void> {
  return update((items) => ({ items: items.filter((i) => i.id !== id), value: undefined }));
}

/**
 * Makes a failed item pending again. A refused duplicate is the requester insisting: the request
 * differs (allowDuplicate), so it gets its own key, as the composer's "Send mine anyway" does.
 */
export function retry(id: string): Promise<void> {
  return update((items) => ({
    items: items.map((i): OutboxItem => {
      if (i.id !== id) return i;
      const { error: _error, duplicate, ...rest } = i;
      if (!duplicate || rest.request.kind !== 'ask') return { ...rest, state: 'pending' };
      return {
        ...rest,
        state: 'pending',
        key: newIdempotencyKey(),
        request: { kind: 'ask', body: { ...rest.request.body, allowDuplicate: true } },
      };
    }),
    value: undefined,
  }));
}

function patch(id: string, change: Partial<OutboxItem>): Promise<void> {
  return update((items) => ({
    items: items.map((i) => (i.id === id ? { ...i, ...change } : i)),
    value: undefined,
  }));
}

/** Transient: worth trying again later rather than asking the user (server down, overloaded, token refused). */
const transient = (e: unknown) =>
  !(e instanceof ApiProblem) ||
  e.status === 0 ||
  e.status >= 500 ||
  e.status === 401 ||
  e.status === 408 ||
  e.status === 429;

const sameSession = (a: StoredSession | null, b: StoredSession) =>
  !!a && a.serverUrl === b.serverUrl && a.token === b.token && a.me.person.id === b.me.person.id;

async function flushOnce(): Promise<Outcomes> {
  const outcomes: Outcomes = new Map();
  const session = await sessionItem.getValue();
  // Signed out: items wait for their person to sign in again.
  if (!session) return outcomes;
  const account = accountOf(session);
  const client = api(session);
  const queued = itemsFor(await outboxItem.getValue(), account).filter((i) => i.state === 'pending');
  for (const { id } of queued) {
    // Re-read: the user may have discarded it, or signed out (or in as someone else) meanwhile.
    const item = (await outboxItem.getValue()).find((i) => i.id === id);
    if (item?.state !== 'pending' || item.account !== account) continue;
    if (!sameSession(await sessionItem.getValue(), session)) break;
    try {
      const result = await send(client, item).catch(async (e: unknown) => {
        if (!screenshotRemoved(e, item)) throw e;
        // The server removes a screenshot no ask attached within a day: upload it again, send once more.
        await patch(id, { screenshotId: undefined });
        return send(client, { ...item, screenshotId: undefined });
      });
      if ('duplicateOf' in result) {
        await patch(id, {
          state: 'failed',
          duplicate: true,
          error: i18n.t('ui.duplicateOpen', [result.duplicateOf.to.name]),
        });
        outcomes.set(id, { state: 'duplicate', duplicateOf: result.duplicateOf });
      } else {
        await discard(id);
        outcomes.set(id, { state: 'sent', result });
      }
    } catch (e) {
      if (transient(e)) {
        // Everything after it would most likely fail the same way: stop, and keep the order.
        outcomes.set(id, { state: 'pending' });
        break;
      }
      const problem = e as ApiProblem;
      await patch(id, { state: 'failed', error: problem.message });
      outcomes.set(id, { state: 'failed', message: problem.message, fields: problem.fields, status: problem.status });
    }
  }
  return outcomes;
}

function send(client: Api, item: OutboxItem): Promise<AskResult | DuplicateResult | ThankResult> {
  return item.request.kind === 'ask'
    ? withScreenshot(client, item, item.request.body).then((body) => client.createAsk(body, item.key))
    : client.createThank(item.request.body, item.key);
}

const screenshotRemoved = (e: unknown, item: OutboxItem) =>
  !!item.screenshotId && e instanceof ApiProblem && e.status === 400 && 'context.screenshot' in e.fields;

/**
 * The ask's body with its screenshot attached: uploaded once (the id is kept on the item), and safe to
 * upload again, as the server names a picture by its bytes.
 */
async function withScreenshot(client: Api, item: OutboxItem, body: AskInput): Promise<AskInput> {
  if (!item.screenshot || !body.context) return body;
  let id = item.screenshotId;
  if (!id) {
    id = (await client.uploadScreenshot(item.screenshot)).id;
    await patch(item.id, { screenshotId: id });
  }
  return { ...body, context: { ...body.context, screenshot: id } };
}

let running: Promise<Outcomes> | null = null;
let following: Promise<Outcomes> | null = null;

/**
 * Sends the signed-in person's pending items in order. One flush at a time: a call during a flush
 * gets one more flush after it (the running one may have read the list before the caller's item was
 * written), and the outcomes of both, so the caller always learns what became of its item.
 */
export function flush(): Promise<Outcomes> {
  if (!running) {
    running = flushOnce().finally(() => {
      running = null;
    });
    return running;
  }
  following ??= running
    .catch((): Outcomes => new Map())
    .then(async (earlier) => {
      following = null;
      const later = await flush();
      return new Map([...earlier, ...later]);
    });
  return following;
}
