import type { InferRequestType, InferResponseType } from 'hono/client';
import { i18n } from '#i18n';
import { type Client, makeClient } from './client.ts';
import { takeEarlyInbox } from './early-inbox.ts';
import { newIdempotencyKey } from './idempotency-key.ts';
import type { StoredSession } from './storage.ts';
import { webhookCalls } from './webhooks-api.ts';

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

export type SignInResult = InferResponseType<Client['v1']['session']['$post'], 201>;
export type MeResult = InferResponseType<Client['v1']['me']['$get'], 200>;
export type DirectoryResult = InferResponseType<Client['v1']['directory']['$get'], 200>;
export type DirectoryItem = DirectoryResult['entries'][number];
export type InboxResult = InferResponseType<Client['v1']['inbox']['$get'], 200>;
export type AskResult = InferResponseType<Client['v1']['asks']['$post'], 201>;
/** POST /v1/asks answers 200 with the open ask it would duplicate, having created nothing. */
export type DuplicateResult = InferResponseType<Client['v1']['asks']['$post'], 200>;
export type AskDetailResult = InferResponseType<Client['v1']['asks'][':id']['$get'], 200>;
export type AssigneesResult = InferResponseType<Client['v1']['asks'][':id']['assignees']['$get'], 200>;
export type AssigneeItem = AssigneesResult['people'][number];
export type ForwardResult = InferResponseType<Client['v1']['asks'][':id']['forward']['$post'], 200>;
export type QueuesResult = InferResponseType<Client['v1']['queue']['$get'], 200>;
export type SyncResult = InferResponseType<Client['v1']['sync']['$get'], 200>;
export type DepartmentsResult = InferResponseType<Client['v1']['departments']['$get'], 200>;
export type TransitionInput = InferRequestType<Client['v1']['asks'][':id']['status']['$post']>['json'];
export type CauseResult = InferResponseType<Client['v1']['asks'][':id']['cause']['$post'], 201>;
export type RateInput = InferRequestType<Client['v1']['asks'][':id']['rating']['$post']>['json'];
export type ThankResult = InferResponseType<Client['v1']['thanks']['$post'], 201>;
export type LeaderboardResult = InferResponseType<Client['v1']['leaderboard']['$get'], 200>;
export type LeaderboardQuery = NonNullable<InferRequestType<Client['v1']['leaderboard']['$get']>['query']>;
export type ServiceResult = InferResponseType<Client['v1']['insights']['service']['$get'], 200>;
export type HandoffsResult = InferResponseType<Client['v1']['insights']['handoffs']['$get'], 200>;
export type UnsungResult = InferResponseType<Client['v1']['insights']['unsung']['$get'], 200>;
export type TrendsResult = InferResponseType<Client['v1']['insights']['trends']['$get'], 200>;
export type InsightsQuery = NonNullable<InferRequestType<Client['v1']['insights']['service']['$get']>['query']>;
export type TokensResult = InferResponseType<Client['v1']['me']['tokens']['$get'], 200>;
export type TokenItem = TokensResult['tokens'][number];
export type PeopleResult = InferResponseType<Client['v1']['people']['$get'], 200>;
export type PersonItem = PeopleResult['people'][number];
export type NewPersonInput = InferRequestType<Client['v1']['people']['$post']>['json'];
export type UpdatePersonInput = InferRequestType<Client['v1']['people'][':id']['$patch']>['json'];
export type InvitationResult = InferResponseType<Client['v1']['invitations']['$post'], 201>;
export type ImportResult = InferResponseType<Client['v1']['people']['import']['$post'], 200>;
export type DepartmentItem = DepartmentsResult['departments'][number];
export type NewDepartmentInput = InferRequestType<Client['v1']['departments']['$post']>['json'];
export type UpdateDepartmentInput = InferRequestType<Client['v1']['departments'][':id']['$patch']>['json'];
export type SettingsResult = InferResponseType<Client['v1']['settings']['$get'], 200>;
export type UpdateSettingsInput = InferRequestType<Client['v1']['settings']['$patch']>['json'];
export type ScreenshotResult = InferResponseType<Client['v1']['screenshots']['$post'], 201>;
export type AskInput = InferRequestType<Client['v1']['asks']['$post']>['json'];
export type ThankInput = InferRequestType<Client['v1']['thanks']['$post']>['json'];
export type ValuesResult = InferResponseType<Client['v1']['values']['$get'], 200>;
export type ValueItem = ValuesResult['values'][number];
export type UpdateValueInput = InferRequestType<Client['v1']['values'][':id']['$patch']>['json'];
export type NotificationsResult = InferResponseType<Client['v1']['notifications']['$get'], 200>;
export type NotificationItem = NotificationsResult['items'][number];
export type NotificationPrefsResult = InferResponseType<
  Client['v1']['me']['notifications']['preferences']['$get'],
  200
>;

export type Unwrap = typeof unwrap;

/** Turns a response into its body, or throws an ApiProblem carrying the server's error. */
export async function unwrap<T>(call: Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>): Promise<T> {
  let res: Awaited<typeof call>;
  try {
    res = await call;
  } catch {
    throw new ApiProblem('network', i18n.t('ui.cannotReachServer'), { server: i18n.t('ui.cannotReachThisServer') });
  }
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; fields?: Record<string, string> };
  } | null;
  if (res.ok) return body as T;
  const err = body?.error;
  throw new ApiProblem(
    err?.code ?? 'http',
    err?.message ?? i18n.t('ui.serverAnswered', [res.status]),
    err?.fields,
    res.status,
  );
}

type RawResponse = {
  ok: boolean;
  status: number;
  blob(): Promise<Blob>;
  text(): Promise<string>;
  json(): Promise<unknown>;
};

/** Like unwrap, for a response that is bytes (an image) or text (a rendering) when it succeeds. */
async function unwrapRaw<K extends 'blob' | 'text'>(
  call: Promise<RawResponse>,
  as: K,
): Promise<K extends 'blob' ? Blob : string> {
  const res = await call.catch(() => null);
  if (res?.ok) return (as === 'blob' ? res.blob() : res.text()) as Promise<K extends 'blob' ? Blob : string>;
  return unwrap<never>(res ? Promise.resolve(res) : call);
}

/** Where a server started with `npm start` listens on this computer, tried in order when none is remembered. */
export const localServers = ['http://127.0.0.1:8787', 'http://localhost:8787'];

/** Whether a Tandem server answers at `serverUrl` within `ms` (its public health check). */
export async function isTandemServer(serverUrl: string, ms = 1500): Promise<boolean> {
  const call = makeClient(serverUrl).health.$get({}, { init: { signal: AbortSignal.timeout(ms) } });
  const res = await call.catch(() => null);
  const body = res?.ok ? ((await res.json().catch(() => null)) as { ok?: boolean } | null) : null;
  return body?.ok === true;
}

/**
 * Whether the server offers push (server/http/routes/push.ts): GET /v1/push without an upgrade answers 426 where
 * it does (the Worker) and 404 where it does not (Node); null when it cannot say now (unreachable, failing).
 */
export async function pushOffered(serverUrl: string, ms = 5000): Promise<boolean | null> {
  const call = makeClient(serverUrl).v1.push.$get({}, { init: { signal: AbortSignal.timeout(ms) } });
  const res = await call.catch(() => null);
  return res?.status === 426 ? true : res?.status === 404 ? false : null;
}

/** The push socket's address: the server's, as ws: or wss:. */
export function pushUrl(serverUrl: string): string {
  const url = makeClient(serverUrl).v1.push.$url();
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/** Exchanges a sign-in code for a session (public endpoint). */
export function signIn(serverUrl: string, code: string): Promise<SignInResult> {
  return unwrap(makeClient(serverUrl).v1.session.$post({ json: { code, label: i18n.t('ui.sessionLabel') } }));
}

/** Whether the server at `serverUrl` offers company sign-in (public; false when it cannot say within `ms`). */
export async function companySignInOffered(serverUrl: string, ms = 3000): Promise<boolean> {
  const call = makeClient(serverUrl).auth.extension.$get({}, { init: { signal: AbortSignal.timeout(ms) } });
  const res = await call.catch(() => null);
  const body = res?.ok ? ((await res.json().catch(() => null)) as { available?: boolean } | null) : null;
  return body?.available === true;
}

export type CompanySignInStart = NonNullable<InferRequestType<Client['auth']['extension']['start']['$get']>['query']>;
type CompanySignInExchange = InferRequestType<Client['v1']['session']['exchange']['$post']>['json'];

/** The company sign-in page the browser's sign-in window opens (behind Cloudflare Access). */
export function companySignInUrl(serverUrl: string, query: CompanySignInStart): string {
  return makeClient(serverUrl).auth.extension.start.$url({ query }).href;
}

/** Exchanges company sign-in's one-time code, with its PKCE verifier, for a session (public endpoint). */
export function exchangeCompanyCode(
  serverUrl: string,
  json: Omit<CompanySignInExchange, 'label'>,
): Promise<SignInResult> {
  return unwrap(
    makeClient(serverUrl).v1.session.exchange.$post({ json: { ...json, label: i18n.t('ui.sessionLabel') } }),
  );
}

/** The signed-in API: every call carries the session's bearer token. */
export function api(session: Pick<StoredSession, 'serverUrl' | 'token'>) {
  const c = makeClient(session.serverUrl, session.token);
  return {
    me: () => unwrap<MeResult>(c.v1.me.$get()),
    signOut: () => unwrap<void>(c.v1.me.session.$delete()),
    directory: (q: string, limit = 12) =>
      unwrap<DirectoryResult>(c.v1.directory.$get({ query: { q, limit: String(limit) } })),
    // The first, when the panel's first script asked for it as the panel opened (utils/early-inbox.ts).
    inbox: () => unwrap<InboxResult>(takeEarlyInbox(session) ?? c.v1.inbox.$get()),
    createAsk: (json: AskInput, key: string) =>
      unwrap<AskResult | DuplicateResult>(c.v1.asks.$post({ json, header: { 'idempotency-key': key } })),
    ask: (id: string) => unwrap<AskDetailResult>(c.v1.asks[':id'].$get({ param: { id } })),
    uploadScreenshot: (image: string) => unwrap<ScreenshotResult>(c.v1.screenshots.$post({ json: { image } })),
    /** The ask's screenshot, as an image blob. */
    screenshot: (id: string) => unwrapRaw(c.v1.asks[':id'].screenshot.$get({ param: { id } }), 'blob'),
    /** Follows an open ask about `url` (the page the duplicate guard matched) instead of asking again. */
    follow: (id: string, url: string) =>
      unwrap<AskDetailResult>(c.v1.asks[':id'].follow.$post({ param: { id }, json: { url } })),
    transition: (id: string, json: TransitionInput) =>
      unwrap<AskDetailResult>(c.v1.asks[':id'].status.$post({ param: { id }, json })),
    reply: (id: string, body: string, key: string) =>
      unwrap<AskDetailResult>(
        c.v1.asks[':id'].replies.$post({ param: { id }, json: { body }, header: { 'idempotency-key': key } }),
      ),
    assign: (id: string, assigneeId: string | null) =>
      unwrap<AskDetailResult>(c.v1.asks[':id'].assign.$post({ param: { id }, json: { assigneeId } })),
    /** Who the ask may be assigned to: its department's members whose name holds every word of `q`. */
    assignees: (id: string, q: string, limit = 20) =>
      unwrap<AssigneesResult>(c.v1.asks[':id'].assignees.$get({ param: { id }, query: { q, limit: String(limit) } })),
    forward: (id: string, departmentId: string, note: string) =>
      unwrap<ForwardResult>(c.v1.asks[':id'].forward.$post({ param: { id }, json: { departmentId, note } })),
    rate: (id: string, json: RateInput, key: string) =>
      unwrap<AskDetailResult>(
        c.v1.asks[':id'].rating.$post({ param: { id }, json, header: { 'idempotency-key': key } }),
      ),
    /** What got in the way of my latest reopen, bounce, decline or low rating of the ask (one tap, optional). */
    noteCause: (id: string, cause: CauseResult['cause']) =>
      unwrap<CauseResult>(c.v1.asks[':id'].cause.$post({ param: { id }, json: { cause } })),
    queue: () => unwrap<QueuesResult>(c.v1.queue.$get()),
    sync: (after: number) => unwrap<SyncResult>(c.v1.sync.$get({ query: { after: String(after) } })),
    departments: () => unwrap<DepartmentsResult>(c.v1.departments.$get()),
    createThank: (json: ThankInput, key: string) =>
      unwrap<ThankResult>(c.v1.thanks.$post({ json, header: { 'idempotency-key': key } })),
    leaderboard: (query: LeaderboardQuery) => unwrap<LeaderboardResult>(c.v1.leaderboard.$get({ query })),
    service: (query: InsightsQuery) => unwrap<ServiceResult>(c.v1.insights.service.$get({ query })),
    handoffs: (query: InsightsQuery) => unwrap<HandoffsResult>(c.v1.insights.handoffs.$get({ query })),
    unsung: (query: InsightsQuery) => unwrap<UnsungResult>(c.v1.insights.unsung.$get({ query })),
    trends: (weeks: number, departmentId?: string) =>
      unwrap<TrendsResult>(
        c.v1.insights.trends.$get({ query: { weeks: String(weeks), ...(departmentId ? { departmentId } : {}) } }),
      ),
    /** The weekly digest rendered as text (chat) or HTML (email). */
    digest: (format: 'text' | 'html') => unwrapRaw(c.v1.digest.$get({ query: { format } }), 'text'),
    updateMe: (json: { boardOptOut: boolean }) => unwrap<MeResult>(c.v1.me.$patch({ json })),
    tokens: () => unwrap<TokensResult>(c.v1.me.tokens.$get()),
    revokeToken: (id: string) => unwrap<void>(c.v1.me.tokens[':id'].$delete({ param: { id } })),
    signOutEverywhere: () => unwrap<{ revoked: number }>(c.v1.me['sign-out-everywhere'].$post()),
    people: (q: string) =>
      unwrap<PeopleResult>(c.v1.people.$get({ query: { q, includeInactive: 'true', limit: '200' } })),
    createPerson: (json: NewPersonInput, key: string) =>
      unwrap<PersonItem>(c.v1.people.$post({ json, header: { 'idempotency-key': key } })),
    updatePerson: (id: string, json: UpdatePersonInput) =>
      unwrap<PersonItem>(c.v1.people[':id'].$patch({ param: { id }, json })),
    invite: (personId: string) => unwrap<InvitationResult>(c.v1.invitations.$post({ json: { personId } })),
    /** `dryRun`: what the import would do (who it would deactivate), changing nothing. */
    importPeople: (csv: string, options?: { deactivateMissing?: boolean; dryRun?: boolean }) =>
      unwrap<ImportResult>(c.v1.people.import.$post({ json: { csv, ...options } })),
    createDepartment: (json: NewDepartmentInput, key: string) =>
      unwrap<DepartmentItem>(c.v1.departments.$post({ json, header: { 'idempotency-key': key } })),
    updateDepartment: (id: string, json: UpdateDepartmentInput) =>
      unwrap<DepartmentItem>(c.v1.departments[':id'].$patch({ param: { id }, json })),
    settings: () => unwrap<SettingsResult>(c.v1.settings.$get()),
    updateSettings: (json: UpdateSettingsInput) => unwrap<SettingsResult>(c.v1.settings.$patch({ json })),
    /** Active company values in order; `all` adds the retired ones (managers and admins). */
    values: (all = false) => unwrap<ValuesResult>(c.v1.values.$get({ query: { all: all ? '1' : '0' } })),
    createValue: (name: string, key: string) =>
      unwrap<ValueItem>(c.v1.values.$post({ json: { name }, header: { 'idempotency-key': key } })),
    updateValue: (id: string, json: UpdateValueInput) =>
      unwrap<ValueItem>(c.v1.values[':id'].$patch({ param: { id }, json })),
    reorderValues: (ids: string[]) => unwrap<ValuesResult>(c.v1.values.order.$put({ json: { ids } })),
    /** What I should be told since event `after` (browser notifications). */
    notifications: (after: number) =>
      unwrap<NotificationsResult>(c.v1.notifications.$get({ query: { after: String(after) } })),
    notificationPrefs: () => unwrap<NotificationPrefsResult>(c.v1.me.notifications.preferences.$get()),
    setNotificationPrefs: (json: NotificationPrefsResult) =>
      unwrap<NotificationPrefsResult>(c.v1.me.notifications.preferences.$put({ json })),
    ...webhookCalls(c, unwrap),
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
      key ??= newIdempotencyKey();
      return key;
    },
    reset: () => {
      key = null;
    },
  };
}
