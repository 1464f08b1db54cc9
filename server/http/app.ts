import type { ScreenshotStore } from '../blobs/screenshots.ts';
import type { Ledgers } from '../core/remote.ts';
import type { AccessConfig, AccessVerify } from './access.ts';
import { requireAuth } from './auth.ts';
import { limitBody } from './body-limit.ts';
import type { ClientAddress } from './client-address.ts';
import { errorBody, onError } from './errors.ts';
import { Hono } from './hono.ts';
import { guardHosts } from './host-guard.ts';
import { allowOnlyOrigins } from './origin-guard.ts';
import { askRoutes } from './routes/asks.ts';
import { companySignInRoutes } from './routes/company-sign-in.ts';
import { departmentRoutes } from './routes/departments.ts';
import { digestRoutes } from './routes/digest.ts';
import { directoryRoutes } from './routes/directory.ts';
import { type ContractFiles, docsRoutes } from './routes/docs.ts';
import { eventRoutes } from './routes/events.ts';
import { inboxRoutes } from './routes/inbox.ts';
import { insightsRoutes } from './routes/insights.ts';
import { joinRoutes } from './routes/join.ts';
import { leaderboardRoutes } from './routes/leaderboard.ts';
import { meRoutes } from './routes/me.ts';
import { notificationPrefsRoutes, notificationRoutes } from './routes/notifications.ts';
import { invitationRoutes, peopleRoutes } from './routes/people.ts';
import { pulseRoutes } from './routes/pulses.ts';
import { type PushGate, pushRoutes } from './routes/push.ts';
import { queueRoutes } from './routes/queue.ts';
import { screenshotRoutes } from './routes/screenshots.ts';
import { sessionRoutes } from './routes/session.ts';
import { settingsRoutes } from './routes/settings.ts';
import { setupRoutes } from './routes/setup.ts';
import { syncRoutes } from './routes/sync.ts';
import { thankRoutes } from './routes/thanks.ts';
import { valueRoutes } from './routes/values.ts';
import { myDigestRoutes, webhookRoutes } from './routes/webhooks.ts';

export interface AppDeps {
  ledgers: Ledgers;
  /** Screenshots attached to asks (unstorage's fs-lite on Node, the R2 binding on the Worker). */
  screenshots: ScreenshotStore;
  /** Enables the operator routes POST /v1/setup/organisations and /v1/setup/demo (the Worker has no CLI); unset: 404. */
  setupToken?: string;
  /** The only Host headers answered (DNS-rebinding protection; see host-guard.ts for the forms). Unset: any. */
  allowedHosts?: readonly string[];
  /** Web origins allowed to call besides the extension's own (`https://intranet.example`). */
  corsOrigins?: readonly string[];
  /**
   * Who is calling, for counting wrong sign-in codes: Cf-Connecting-Ip on the Worker, the socket (or a
   * trusted proxy's header) on Node. Without it every caller shares one count.
   */
  clientAddress?: ClientAddress;
  /** Cloudflare Access mode: requests may sign in with the Cf-Access-Jwt-Assertion header. */
  access?: { config: AccessConfig; verify: AccessVerify };
  /** Push sockets (the Worker's Durable Objects); unset on Node, where GET /v1/push answers 404. */
  push?: PushGate;
  /** GET /openapi.json and /docs: generated on Node, the build's static assets on the Worker. Unset: 404. */
  contract?: ContractFiles;
}

/** The Tandem API, runtime-agnostic: Node and the Worker each pass their own ledgers. */
export function createApp(deps: AppDeps) {
  return (
    new Hono()
      .use('*', guardHosts(deps.allowedHosts))
      .use('*', allowOnlyOrigins(deps.corsOrigins ?? []))
      // HR exports and screenshots are large; everything else is small.
      .use('/v1/*', limitBody(64 * 1024, { '/v1/people/import': 2 * 1024 * 1024, '/v1/screenshots': 2 * 1024 * 1024 }))
      .get('/health', (c) => c.json({ ok: true }))
      .route('/', docsRoutes(deps.contract))
      .route('/', joinRoutes)
      .route('/auth/extension', companySignInRoutes(deps.ledgers, deps.access))
      .route('/v1/session', sessionRoutes(deps.ledgers, deps.clientAddress ?? (() => undefined)))
      .route('/v1/setup', setupRoutes(deps.ledgers, deps.setupToken))
      // Before requireAuth: a browser's WebSocket carries its token as a subprotocol, not a header.
      .route('/v1/push', pushRoutes(deps.ledgers, deps.push))
      .use('/v1/*', requireAuth(deps.ledgers, deps.screenshots, deps.access))
      .route('/v1/me/digest', myDigestRoutes)
      .route('/v1/me', meRoutes)
      .route('/v1/directory', directoryRoutes)
      .route('/v1/departments', departmentRoutes)
      .route('/v1/people', peopleRoutes)
      .route('/v1/invitations', invitationRoutes)
      .route('/v1/asks', askRoutes)
      .route('/v1/screenshots', screenshotRoutes)
      .route('/v1/thanks', thankRoutes)
      .route('/v1/inbox', inboxRoutes)
      .route('/v1/queue', queueRoutes)
      .route('/v1/sync', syncRoutes)
      .route('/v1/leaderboard', leaderboardRoutes)
      .route('/v1/insights', insightsRoutes)
      .route('/v1/digest', digestRoutes)
      .route('/v1/events', eventRoutes)
      .route('/v1/settings', settingsRoutes)
      .route('/v1/values', valueRoutes)
      .route('/v1/pulses', pulseRoutes)
      .route('/v1/webhooks', webhookRoutes)
      .route('/v1/notifications', notificationRoutes)
      .route('/v1/me/notifications/preferences', notificationPrefsRoutes)
      .notFound((c) => c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}`), 404))
      .onError(onError)
  );
}

export type AppType = ReturnType<typeof createApp>;
