import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '../../extension/entrypoints/background/index.ts';
import type { AskInput, ThankInput } from '../../extension/utils/api.ts';
import { request } from '../../extension/utils/messages.ts';
import { discard, enqueue, flush, type NewItem, retry } from '../../extension/utils/outbox.ts';
import { outboxItem, type StoredSession, sessionItem } from '../../extension/utils/storage.ts';
import { installCommandsAndMenus } from './fake-extras.ts';

const person = (id: string, name: string) => ({
  id,
  name,
  email: `${id}@example.com`,
  title: '',
  role: 'member' as const,
  active: true,
  departmentIds: [],
});
const sessionFor = (id: string, token: string): StoredSession => ({
  serverUrl: 'https://tandem.example',
  token,
  me: {
    org: { id: 'demo', name: 'Demo' },
    person: person(id, id),
    departments: [],
    values: [],
    preferences: { boardOptOut: false },
  },
});
const sam = sessionFor('sam', 'tdm_sam');
const priya = sessionFor('priya', 'tdm_priya');

const askBody: AskInput = {
  to: { kind: 'department', id: 'payroll' },
  subject: 'Overtime missing',
  details: '',
  importance: 'normal',
  allowDuplicate: false,
};
const thankBody: ThankInput = { to: [{ kind: 'person', id: 'priya' }], message: 'Thank you!', values: [] };
const askItem = (key = 'key-ask'): NewItem => ({
  request: { kind: 'ask', body: askBody },
  key,
  to: 'Payroll',
  snippet: 'Overtime missing',
});
const thankItem = (key = 'key-thank'): NewItem => ({
  request: { kind: 'thank', body: thankBody },
  key,
  to: 'Priya',
  snippet: 'Thank you!',
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

interface Call {
  url: string;
  key: string | null;
  auth: string | null;
  body: unknown;
  /** The outbox as stored at the moment the request left. */
  stored: unknown;
}

/** Answers POSTs in turn (`Error` = network failure); other requests (badge sync) get an empty sync. */
function stubFetch(...answers: (Response | Error | (() => Promise<Response>))[]) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    if (req.method !== 'POST') return json(200, { seq: 0, changed: false });
    calls.push({
      url: req.url,
      key: req.headers.get('idempotency-key'),
      auth: req.headers.get('authorization'),
      body: await req.json(),
      stored: (await fakeBrowser.storage.local.get('outbox')).outbox,
    });
    const answer = answers.shift() ?? json(201, { id: 'x' });
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer() : answer;
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

const stored = () => outboxItem.getValue();

describe('the outbox', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await sessionItem.setValue(sam);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('writes the send, with its key and full body, before any network call', async () => {
    const calls = stubFetch(json(201, { id: 'a1' }));
    installCommandsAndMenus();
    background.main!();
    const { id, outcome } = await request({ type: 'outbox-send', item: askItem('k-1') });
    expect(outcome).toEqual({ state: 'sent', result: { id: 'a1' } });
    expect(calls).toHaveLength(1);
    expect(calls[0].key).toBe('k-1');
    expect(calls[0].stored).toEqual([
      expect.objectContaining({ id, key: 'k-1', state: 'pending', request: { kind: 'ask', body: askBody } }),
    ]);
    expect(await stored()).toEqual([]);
  });

  it('sends in order with each stored key and removes what the server took', async () => {
    const calls = stubFetch(json(201, { id: 'a1' }), json(201, { id: 't1' }));
    const a = await enqueue(sam, askItem());
    const t = await enqueue(sam, thankItem());
    expect(fetch).not.toHaveBeenCalled();
    const outcomes = await flush();
    expect(calls.map((c) => [new URL(c.url).pathname, c.key, c.auth])).toEqual([
      ['/v1/asks', 'key-ask', 'Bearer tdm_sam'],
      ['/v1/thanks', 'key-thank', 'Bearer tdm_sam'],
    ]);
    expect(calls[1].body).toEqual(thankBody);
    expect(outcomes.get(a.id)).toEqual({ state: 'sent', result: { id: 'a1' } });
    expect(outcomes.get(t.id)?.state).toBe('sent');
    expect(await stored()).toEqual([]);
  });

  it.each([
    ['the server is unreachable', new TypeError('Failed to fetch')],
    ['the server fails (5xx)', json(503, { error: { code: 'unavailable', message: 'Down' } })],
  ])('keeps everything pending and stops when %s', async (_, answer) => {
    const calls = stubFetch(answer);
    const a = await enqueue(sam, askItem());
    await enqueue(sam, thankItem());
    const outcomes = await flush();
    expect(calls).toHaveLength(1);
    expect(outcomes.get(a.id)).toEqual({ state: 'pending' });
    expect((await stored()).map((i) => [i.snippet, i.state])).toEqual([
      ['Overtime missing', 'pending'],
      ['Thank you!', 'pending'],
    ]);
  });

  it('marks a refused item failed with the server message, keeps it, and goes on with the next', async () => {
    const calls = stubFetch(
      json(422, { error: { code: 'validation', message: 'Subject is too long', fields: { subject: 'Too long' } } }),
      json(201, { id: 't1' }),
    );
    const a = await enqueue(sam, askItem());
    await enqueue(sam, thankItem());
    const outcomes = await flush();
    expect(calls).toHaveLength(2);
    expect(outcomes.get(a.id)).toEqual({
      state: 'failed',
      message: 'Subject is too long',
      fields: { subject: 'Too long' },
      status: 422,
    });
    expect(await stored()).toEqual([
      expect.objectContaining({ id: a.id, state: 'failed', error: 'Subject is too long' }),
    ]);
    // A failed item waits for the person: the next flush leaves it alone.
    await flush();
    expect(calls).toHaveLength(2);
  });

  it("never sends one person's items with another person's token", async () => {
    const calls = stubFetch();
    const samsAsk = await enqueue(sam, askItem('sam-key'));
    await sessionItem.setValue(null);
    await flush();
    expect(calls).toHaveLength(0);

    await sessionItem.setValue(priya);
    await enqueue(priya, thankItem('priya-key'));
    await flush();
    expect(calls.map((c) => [c.key, c.auth])).toEqual([['priya-key', 'Bearer tdm_priya']]);
    // Sam's ask is kept for when Sam signs in again.
    expect(await stored()).toEqual([expect.objectContaining({ id: samsAsk.id, state: 'pending' })]);

    await sessionItem.setValue(sam);
    await flush();
    expect(calls.map((c) => [c.key, c.auth])).toEqual([
      ['priya-key', 'Bearer tdm_priya'],
      ['sam-key', 'Bearer tdm_sam'],
    ]);
  });

  it('sends each item once when two flushes overlap, and both callers learn the outcome', async () => {
    let release!: () => void;
    const slow = () => new Promise<Response>((resolve) => (release = () => resolve(json(201, { id: 'a1' }))));
    const calls = stubFetch(slow);
    const a = await enqueue(sam, askItem());
    const first = flush();
    const second = flush();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    release();
    const [one, two] = await Promise.all([first, second]);
    expect(calls).toHaveLength(1);
    expect(one.get(a.id)?.state).toBe('sent');
    expect(two.get(a.id)?.state).toBe('sent');
  });

  it('an item written during a flush is sent by the flush that follows it', async () => {
    let release!: () => void;
    const slow = () => new Promise<Response>((resolve) => (release = () => resolve(json(201, { id: 'a1' }))));
    const calls = stubFetch(slow, json(201, { id: 't1' }));
    await enqueue(sam, askItem());
    const first = flush();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    const t = await enqueue(sam, thankItem());
    const second = flush();
    release();
    await first;
    expect((await second).get(t.id)?.state).toBe('sent');
    expect(calls.map((c) => c.key)).toEqual(['key-ask', 'key-thank']);
    expect(await stored()).toEqual([]);
  });

  it('retry sends a failed item again with the same key; discard removes it', async () => {
    const calls = stubFetch(
      json(409, { error: { code: 'conflict', message: 'Try again later' } }),
      json(409, { error: { code: 'conflict', message: 'Nope' } }),
      json(201, { id: 'a1' }),
    );
    const a = await enqueue(sam, askItem());
    const t = await enqueue(sam, thankItem());
    await flush();
    expect((await stored()).map((i) => i.state)).toEqual(['failed', 'failed']);

    await discard(t.id);
    await retry(a.id);
    expect(await stored()).toEqual([expect.objectContaining({ id: a.id, state: 'pending' })]);
    expect((await stored())[0].error).toBeUndefined();
    await flush();
    expect(calls.map((c) => c.key)).toEqual(['key-ask', 'key-thank', 'key-ask']);
    expect(await stored()).toEqual([]);
  });

  it('keeps a queued ask that turns out to duplicate an open one; Retry sends it anyway with a new key', async () => {
    const similar = {
      id: 'a0',
      subject: 'Overtime',
      status: 'open',
      to: { kind: 'department', id: 'payroll', name: 'Payroll' },
      createdAt: '2026-11-20T10:00:00.000Z',
    };
    const calls = stubFetch(json(200, { duplicateOf: similar }), json(201, { id: 'a1' }));
    const a = await enqueue(sam, askItem());
    const outcomes = await flush();
    expect(outcomes.get(a.id)).toEqual({ state: 'duplicate', duplicateOf: similar });
    expect(await stored()).toEqual([
      expect.objectContaining({
        state: 'failed',
        duplicate: true,
        error: 'There is already an open ask to Payroll about this page.',
      }),
    ]);
    await retry(a.id);
    await flush();
    expect(calls[1].key).not.toBe('key-ask');
    expect(calls[1].body).toMatchObject({ allowDuplicate: true });
    expect(await stored()).toEqual([]);
  });

  it('flushes when the alarm rings and when the browser starts', async () => {
    const calls = stubFetch(new TypeError('offline'), json(201, { id: 'a1' }));
    installCommandsAndMenus();
    background.main!();
    await enqueue(sam, askItem());
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect((await stored())[0].state).toBe('pending');
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'tandem-sync', scheduledTime: Date.now(), periodInMinutes: 1 });
    await vi.waitFor(async () => expect(await stored()).toEqual([]));
    expect(calls).toHaveLength(2);
  });

  it('uploads an ask’s screenshot once, before the ask, and attaches its id even across failed tries', async () => {
    const shot = 'data:image/jpeg;base64,/9j/4AAQSkZJRg==';
    const withPage: AskInput = {
      ...askBody,
      context: { url: 'https://payroll.example/slip', title: '', selection: '' },
    };
    const calls = stubFetch(
      json(201, { id: 'f'.repeat(64), bytes: 10 }),
      new TypeError('offline'), // the ask itself fails after the upload
      json(201, { id: 'a1' }),
    );
    const item = await enqueue(sam, { ...askItem(), request: { kind: 'ask', body: withPage }, screenshot: shot });
    expect((await flush()).get(item.id)).toEqual({ state: 'pending' });
    expect((await stored())[0]).toMatchObject({ screenshot: shot, screenshotId: 'f'.repeat(64), state: 'pending' });
    await flush();
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual(['/v1/screenshots', '/v1/asks', '/v1/asks']);
    expect(calls[0].body).toEqual({ image: shot });
    expect(calls[2].key).toBe('key-ask');
    expect(calls[2].body).toMatchObject({
      context: { url: 'https://payroll.example/slip', screenshot: 'f'.repeat(64) },
    });
    expect(await stored()).toEqual([]);
  });
  it('uploads the screenshot again when the server removed it (a day passed before the ask could go)', async () => {
    const shot = 'data:image/jpeg;base64,/9j/4AAQSkZJRg==';
    const withPage: AskInput = {
      ...askBody,
      context: { url: 'https://payroll.example/slip', title: '', selection: '' },
    };
    const removed = { code: 'validation_failed', message: 'Not valid', fields: { 'context.screenshot': 'Removed' } };
    const calls = stubFetch(
      json(201, { id: 'f'.repeat(64), bytes: 10 }),
      new TypeError('offline'),
      json(400, { error: removed }),
      json(201, { id: 'e'.repeat(64), bytes: 10 }),
      json(201, { id: 'a1' }),
    );
    const item = await enqueue(sam, { ...askItem(), request: { kind: 'ask', body: withPage }, screenshot: shot });
    await flush();
    expect((await flush()).get(item.id)).toMatchObject({ state: 'sent' });
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual([
      '/v1/screenshots',
      '/v1/asks',
      '/v1/asks',
      '/v1/screenshots',
      '/v1/asks',
    ]);
    expect(calls[4]).toMatchObject({ key: 'key-ask', body: { context: { screenshot: 'e'.repeat(64) } } });
    expect(await stored()).toEqual([]);
  });
});
