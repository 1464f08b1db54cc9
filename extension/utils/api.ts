import { hc, type InferRequestType, type InferResponseType } from 'hono/client';
import type { AppType } from '../../server/http/app.ts';
import type { StoredSession } from './storage.ts';

/** An API refusal (or an unreachable server), with the fields at fault when the server named them. */
export class ApiProblem extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly status = 0,
  ) {
    super(message);
  }
}

const makeClient = (serverUrl: string, token?: string) =>
  hc<AppType>(serverUrl.replace(/\/+$/, ''), token ? { headers: { authorization: `Bearer ${token}` } } : {});
type Client = ReturnType<typeof makeClient>;

export type SignInResult = InferResponseType<Client['v1']['session']['$post'], 201>;
export type MeResult = InferResponseType<Client['v1']['me']['$get'], 200>;
export type DirectoryResult = InferResponseType<Client['v1']['directory']['$get'], 200>;
export type DirectoryItem = DirectoryResult['entries'][number];
export type InboxResult = InferResponseType<Client['v1']['inbox']['$get'], 200>;
export type AskResult = InferResponseType<Client['v1']['asks']['$post'], 201>;
export type ThankResult = InferResponseType<Client['v1']['thanks']['$post'], 201>;
export type LeaderboardResult = InferResponseType<Client['v1']['leaderboard']['$get'], 200>;
export type LeaderboardQuery = NonNullable<InferRequestType<Client['v1']['leaderboard']['$get']>['query']>;
export type AskInput = InferRequestType<Client['v1']['asks']['$post']>['json'];
export type ThankInput = InferRequestType<Client['v1']['thanks']['$post']>['json'];

/** Turns a response into its body, or throws an ApiProblem carrying the server's error. */
async function unwrap<T>(call: Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>): Promise<T> {
  let res: Awaited<typeof call>;
  try {
    res = await call;
  } catch {
    throw new ApiProblem('network', 'Cannot reach the server. Check the address and that it is running.', {
      server: 'Cannot reach this server',
    });
  }
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; fields?: Record<string, string> };
  } | null;
  if (res.ok) return body as T;
  const err = body?.error;
  throw new ApiProblem(
    err?.code ?? 'http',
    err?.message ?? `The server answered ${res.status}`,
    err?.fields,
    res.status,
  );
}

/** Exchanges a sign-in code for a session (public endpoint). */
export function signIn(serverUrl: string, code: string): Promise<SignInResult> {
  return unwrap(makeClient(serverUrl).v1.session.$post({ json: { code, label: 'Browser extension' } }));
}

/** The signed-in API: every call carries the session's bearer token. */
export function api(session: Pick<StoredSession, 'serverUrl' | 'token'>) {
  const c = makeClient(session.serverUrl, session.token);
  return {
    me: () => unwrap<MeResult>(c.v1.me.$get()),
    signOut: () => unwrap<void>(c.v1.me.session.$delete()),
    directory: (q: string) => unwrap<DirectoryResult>(c.v1.directory.$get({ query: { q, limit: '12' } })),
    inbox: () => unwrap<InboxResult>(c.v1.inbox.$get()),
    createAsk: (json: AskInput, key: string) =>
      unwrap<AskResult>(c.v1.asks.$post({ json, header: { 'idempotency-key': key } })),
    createThank: (json: ThankInput, key: string) =>
      unwrap<ThankResult>(c.v1.thanks.$post({ json, header: { 'idempotency-key': key } })),
    leaderboard: (query: LeaderboardQuery) => unwrap<LeaderboardResult>(c.v1.leaderboard.$get({ query })),
  };
}
export type Api = ReturnType<typeof api>;

/**
 * One idempotency key per compose: made when the user starts writing, reused by every retry of that
 * send, replaced only after a send succeeds, so a retried request never creates a second record.
 */
export function composeKey() {
  let key: string | null = null;
  return {
    current: () => {
      key ??= crypto.randomUUID();
      return key;
    },
    reset: () => {
      key = null;
    },
  };
}
