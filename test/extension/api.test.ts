import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ApiProblem, api, composeKey, signIn } from '../../extension/utils/api.ts';

const session = { serverUrl: 'https://tandem.example/', token: 'tdm_demo_secret' };

type FetchCall = { url: string; method: string; headers: Headers; body: unknown };

/** Stubs global fetch with one canned response and records what was sent. */
function stubFetch(respond: () => Response | Promise<Response>) {
  const calls: FetchCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body,
    });
    return respond();
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const thank = { to: [{ kind: 'person' as const, id: 'p2' }], message: 'Thanks for the quick fix!' };

async function problemOf(promise: Promise<unknown>): Promise<ApiProblem> {
  const err = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiProblem);
  return err as ApiProblem;
}

describe('composeKey', () => {
  it('keeps the same key across retries of one send', () => {
    const key = composeKey();
    const first = key.current();
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(key.current()).toBe(first);
    expect(key.current()).toBe(first);
  });

  it('makes a new key after a successful send resets it', () => {
    const key = composeKey();
    const first = key.current();
    key.reset();
    const second = key.current();
    expect(second).not.toBe(first);
    expect(key.current()).toBe(second);
  });

  it('gives each compose its own key', () => {
    expect(composeKey().current()).not.toBe(composeKey().current());
  });
});

describe('api', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('posts a thank-you to /v1/thanks with the bearer token, idempotency key and JSON body', async () => {
    const created = { id: 't1', seq: 5 };
    const { calls } = stubFetch(() => json(201, created));

    const result = await api(session).createThank(thank, 'key-123');

    expect(result).toEqual(created);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call.method).toBe('POST');
    expect(call.url).toBe('https://tandem.example/v1/thanks');
    expect(call.headers.get('authorization')).toBe('Bearer tdm_demo_secret');
    expect(call.headers.get('idempotency-key')).toBe('key-123');
    expect(call.headers.get('content-type')).toBe('application/json');
    expect(call.body).toEqual(thank);
  });

  it('reuses the compose key when a failed send is retried', async () => {
    const { calls } = stubFetch(() => json(201, { id: 't1' }));
    const key = composeKey();
    const client = api(session);
    await client.createThank(thank, key.current());
    await client.createThank(thank, key.current());
    expect(calls[0].headers.get('idempotency-key')).toBe(calls[1].headers.get('idempotency-key'));
  });

  it('sends the directory query with a limit', async () => {
    const { calls } = stubFetch(() => json(200, { entries: [] }));
    await api(session).directory('ada');
    const url = new URL(calls[0].url);
    expect(url.pathname).toBe('/v1/directory');
    expect(url.searchParams.get('q')).toBe('ada');
    expect(url.searchParams.get('limit')).toBe('12');
    expect(calls[0].headers.get('authorization')).toBe('Bearer tdm_demo_secret');
  });

  it("searches an ask's assignees by its id, with the query and a limit", async () => {
    const { calls } = stubFetch(() => json(200, { people: [{ id: 'p1', name: 'Sam Rivera' }] }));
    expect(await api(session).assignees('a 1', 'riv sam')).toEqual({ people: [{ id: 'p1', name: 'Sam Rivera' }] });
    const url = new URL(calls[0].url);
    expect(url.pathname).toBe('/v1/asks/a%201/assignees');
    expect(url.searchParams.get('q')).toBe('riv sam');
    expect(url.searchParams.get('limit')).toBe('20');
    expect(calls[0].headers.get('authorization')).toBe('Bearer tdm_demo_secret');
  });

  it('does not send a bearer token when signing in', async () => {
    const { calls } = stubFetch(() => json(201, { token: 'new' }));
    await signIn('https://tandem.example', 'demo.ABCD-EFGH');
    expect(calls[0].url).toBe('https://tandem.example/v1/session');
    expect(calls[0].headers.get('authorization')).toBeNull();
    expect(calls[0].body).toEqual({ code: 'demo.ABCD-EFGH', label: 'Browser extension' });
  });

  it("turns the server's error body into an ApiProblem with its code, message and fields", async () => {
    stubFetch(() =>
      json(422, {
        error: { code: 'self_thanks', message: 'You cannot thank yourself.', fields: { to: 'Choose someone else' } },
      }),
    );
    const problem = await problemOf(api(session).createThank(thank, 'k'));
    expect(problem.code).toBe('self_thanks');
    expect(problem.message).toBe('You cannot thank yourself.');
    expect(problem.fields).toEqual({ to: 'Choose someone else' });
    expect(problem.status).toBe(422);
  });

  it('reports an error without a JSON body by its HTTP status', async () => {
    stubFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const problem = await problemOf(api(session).inbox());
    expect(problem.code).toBe('http');
    expect(problem.message).toContain('502');
    expect(problem.fields).toEqual({});
    expect(problem.status).toBe(502);
  });

  it('reports an unreachable server as a network problem', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const problem = await problemOf(api(session).createThank(thank, 'k'));
    expect(problem.code).toBe('network');
    expect(problem.status).toBe(0);
    expect(problem.fields.server).toBeTruthy();
  });

  it('resolves sign-out (204 No Content) without reading a body', async () => {
    const { calls } = stubFetch(() => new Response(null, { status: 204 }));
    await expect(api(session).signOut()).resolves.toBeUndefined();
    expect(calls[0].method).toBe('DELETE');
    expect(calls[0].url).toBe('https://tandem.example/v1/me/session');
  });
});
