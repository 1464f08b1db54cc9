import type * as z from 'zod';
import type { ImportOptions, ImportRow, NewDepartment, NewPerson, UpdatePerson } from '../../shared/admin.ts';
import type { Assign, AssigneesQuery, CreateAsk, Forward, Rate, Reply, Transition } from '../../shared/asks.ts';
import type { NoteCause } from '../../shared/causes.ts';
import type { DigestQuery } from '../../shared/digest.ts';
import type { eventsQuerySchema } from '../../shared/events.ts';
import type { InsightsQuery, LeaderboardQuery, TrendsQuery } from '../../shared/leaderboard.ts';
import { limits } from '../../shared/limits.ts';
import type { NotificationPrefs } from '../../shared/notifications.ts';
import type { DirectoryQuery, UpdateDepartment } from '../../shared/people.ts';
import type { UpdateMe } from '../../shared/session.ts';
import type { UpdateSettings } from '../../shared/settings.ts';
import type { CreateThank } from '../../shared/thanks.ts';
import type { NewValue, UpdateValue, ValueOrder } from '../../shared/values.ts';
import { noteCause } from './ask-causes.ts';
import { rateAsk } from './ask-rating.ts';
import { backfillDue } from './ask-rows.ts';
import { assignAsk, forwardAsk, replyToAsk, transitionAsk } from './ask-workflow.ts';
import { askDetail, asksFor, asksSentBy, asksToRate, createAsk, followAsk, similarAsks } from './asks.ts';
import { searchAssignees } from './assignees.ts';
import { issueExchangeCode } from './company-sign-in.ts';
import type { LedgerContext, Principal } from './context.ts';
import * as credentials from './credentials.ts';
import { listDepartments, searchDirectory } from './directory.ts';
import { LedgerError } from './errors.ts';
import { appendEvent, eventsAfter, lastSeq } from './events.ts';
import { timeOrderedIds } from './ids.ts';
import { countWrite, settings, updateSettings } from './limits.ts';
import { migrate, viewsReplayVersion, viewsVersion } from './migrations.ts';
import { notificationPrefs, setNotificationPrefs } from './notification-prefs.ts';
import { notificationsFor } from './notifications.ts';
import * as admin from './org-admin.ts';
import { createOrganisation, type Founding, organisationSummary } from './organisation.ts';
import { importPeople } from './people-import.ts';
import { pulseOps } from './pulse-ops.ts';
import { queues, sync } from './queue.ts';
import * as uploads from './screenshot-uploads.ts';
import { signIn } from './sign-in-attempts.ts';
import type { SqlPort } from './sql.ts';
import { createThank, thanksReceivedBy } from './thanks.ts';
import * as values from './values.ts';
import { digest } from './views/digest.ts';
import { handoffs, trends } from './views/handoffs.ts';
import { nextOverdue, sweepOverdue } from './views/overdue.ts';
import { rebuildViews, snapshotViews } from './views/rebuild.ts';
import { leaderboard, unsung } from './views/recognition.ts';
import { service } from './views/service.ts';
import { webhookOps } from './webhook-ops.ts';

export interface LedgerOptions {
  now?: () => Date;
  /** A reader of a ledger another thread keeps: no migrations (that thread ran them), reads only. */
  readOnly?: boolean;
  /** Webhooks may have http:// addresses (the operator's TANDEM_WEBHOOK_ALLOW_HTTP; tests); otherwise https only. */
  allowHttpWebhooks?: boolean;
}

/**
 * One organisation's ledger: commands and queries over its SQL. The runtime adapters (Node,
 * Durable Object) expose exactly this object and add nothing.
 */
export function createOrgLedger(sql: SqlPort, options: LedgerOptions = {}) {
  const found = options.readOnly ? 0 : migrate(sql);
  const ctx: LedgerContext = {
    sql,
    now: options.now ?? (() => new Date()),
    newId: timeOrderedIds(),
    allowHttpWebhooks: options.allowHttpWebhooks ?? false,
  };
  // A ledger from before the views' current shape: replay its log into them (in the same commit as its
  // migrations: one synchronous turn). From before the views at all: also date its open asks.
  if (found > 0 && found < viewsReplayVersion) rebuildViews(ctx);
  if (found > 0 && found < viewsVersion) backfillDue(ctx);
  // The organisation never changes once named: read it once.
  let knownOrgId: string | undefined;
  const orgId = () => {
    knownOrgId ??= sql.one<{ id: string }>('SELECT id FROM org')?.id;
    return knownOrgId;
  };

  return {
    /** Names the organisation; once. */
    init(org: { id: string; name: string }) {
      sql.transaction(() => {
        if (orgId()) throw new LedgerError('conflict', 'This organisation already exists');
        const at = ctx.now().toISOString();
        sql.run('INSERT INTO org (id, name, created_at) VALUES (?, ?, ?)', org.id, org.name, at);
        appendEvent(ctx, 'org.seeded', null, org.id, { name: org.name }, at);
      });
    },
    /** Names the organisation and makes its first admin, with a one-time code; once. */
    createOrganisation: (input: Founding) => createOrganisation(ctx, input),
    /** For operators (never over HTTP): name, start and active people, or null before it is named. */
    summary: () => organisationSummary(ctx),
    orgId,
    addDepartment: (input: NewDepartment) => admin.addDepartment(ctx, input),
    addPerson: (input: NewPerson) => admin.addPerson(ctx, input),
    addValue: (name: string) => values.addValue(ctx, name),
    values: (who: Principal, all: boolean) => values.listValues(ctx, who, all),
    createValue: (who: Principal, input: NewValue, key: string) => values.createValue(ctx, who, input, key),
    updateValue: (who: Principal, id: string, input: UpdateValue) => values.updateValue(ctx, who, id, input),
    reorderValues: (who: Principal, input: ValueOrder) => values.reorderValues(ctx, who, input),
    /** Replays the value events of the log into the values (the test that they equal a replay). */
    rebuildValues: () => values.rebuildValues(ctx),
    valuesSnapshot: () => values.valuesSnapshot(ctx),
    createPerson: (who: Principal, input: NewPerson, key: string) => admin.createPerson(ctx, who, input, key),
    updatePerson: (who: Principal, id: string, input: UpdatePerson) => admin.updatePerson(ctx, who, id, input),
    listPeople: (who: Principal, q: string, includeInactive: boolean, limit: number) => ({
      people: admin.listPeople(ctx, who, q, includeInactive, limit),
    }),
    createDepartment: (who: Principal, input: NewDepartment, key: string) =>
      admin.createDepartment(ctx, who, input, key),
    importPeople: (
      who: Principal,
      rows: ImportRow[],
      options: ImportOptions = { deactivateMissing: false, dryRun: false },
    ) => importPeople(ctx, who, rows, options),
    invite: (who: Principal, personId: string, codeHash: string, expiresAt: string) =>
      admin.invite(ctx, who, personId, codeHash, expiresAt),
    issueSignInCode: (input: credentials.NewCode) => credentials.issueSignInCode(ctx, input),
    redeemSignInCode: (codeHash: string, token: credentials.NewToken) =>
      credentials.redeemSignInCode(ctx, requireOrg(orgId()), codeHash, token),
    /** Sign-in from the HTTP API: wrong codes count against the client, which is locked out after ten. */
    signIn: (codeHash: string, token: credentials.NewToken, client: string) =>
      signIn(ctx, orgId(), client, codeHash, token),
    authenticate: (tokenHash: string) => {
      const id = orgId();
      return id ? credentials.authenticate(ctx, id, tokenHash) : null;
    },
    personByEmail: (identity: { email: string; name: string }, provision: boolean) => {
      const id = orgId();
      return id ? admin.personByEmail(ctx, id, identity, provision) : null;
    },
    /** Company sign-in: a one-time exchange code for the person Cloudflare Access vouched for. */
    issueExchangeCode: (identity: { email: string; name: string }, provision: boolean, codeHash: string) =>
      issueExchangeCode(ctx, requireOrg(orgId()), identity, provision, codeHash),
    revokeToken: (who: Principal, tokenHash: string) => credentials.revokeToken(ctx, who, tokenHash),
    tokens: (who: Principal, currentHash: string) => ({ tokens: credentials.listTokens(ctx, who, currentHash) }),
    revokeTokenById: (who: Principal, id: string) => credentials.revokeTokenById(ctx, who, id),
    revokeAllTokens: (who: Principal) => ({ revoked: credentials.revokeAllTokens(ctx, who) }),
    me: (who: Principal) => credentials.me(ctx, who),
    updateMe: (who: Principal, input: UpdateMe) => credentials.updateMe(ctx, who, input),
    directory: (_who: Principal, query: DirectoryQuery) => ({ entries: searchDirectory(ctx, query) }),
    departments: (_who: Principal) => ({ departments: listDepartments(ctx) }),
    updateDepartment: (who: Principal, id: string, input: UpdateDepartment) =>
      admin.updateDepartment(ctx, who, id, input),
    createAsk: (who: Principal, input: CreateAsk, key: string) => createAsk(ctx, who, input, key),
    askDetail: (who: Principal, id: string) => askDetail(ctx, who, id),
    similarAsks: (who: Principal, departmentId: string, url: string) => ({
      asks: similarAsks(ctx, who, departmentId, url),
    }),
    followAsk: (who: Principal, id: string, url: string) => followAsk(ctx, who, id, url),
    transitionAsk: (who: Principal, id: string, input: Transition) => transitionAsk(ctx, who, id, input),
    replyToAsk: (who: Principal, id: string, input: Reply, key: string) => replyToAsk(ctx, who, id, input, key),
    assignAsk: (who: Principal, id: string, input: Assign) => assignAsk(ctx, who, id, input),
    forwardAsk: (who: Principal, id: string, input: Forward) => forwardAsk(ctx, who, id, input),
    assignees: (who: Principal, id: string, query: AssigneesQuery) => ({
      people: searchAssignees(ctx, who, id, query),
    }),
    rateAsk: (who: Principal, id: string, input: Rate, key: string) => rateAsk(ctx, who, id, input, key),
    /** What got in the way of the caller's latest reopen, bounce, decline or low rating of the ask. */
    noteCause: (who: Principal, id: string, input: NoteCause) => noteCause(ctx, who, id, input),
    queue: (who: Principal) => ({ queues: queues(ctx, who) }),
    /** A write that is not a ledger command (a screenshot's blob): counted against the per-minute limit. */
    countWrite: (who: Principal) => sql.transaction(() => countWrite(ctx, who)),
    recordScreenshot: (who: Principal, id: string) => uploads.recordScreenshot(ctx, who, id),
    /** Uploads no ask attached within a day, claimed for the runtime to remove their blobs. */
    screenshotsToRemove: () => uploads.screenshotsToRemove(ctx),
    screenshotsRemoved: (refs: uploads.ScreenshotRef[]) => uploads.screenshotsRemoved(ctx, refs),
    nextScreenshotRemoval: () => uploads.nextScreenshotRemoval(ctx),
    settings: (_who: Principal) => settings(ctx),
    updateSettings: (who: Principal, input: UpdateSettings) => updateSettings(ctx, who, input),
    sync: (who: Principal, after: number) => sync(ctx, who, after),
    /** What the person should be told since event `after` (browser notifications). */
    notifications: (who: Principal, after: number) => notificationsFor(ctx, who, after),
    notificationPrefs: (who: Principal) => notificationPrefs(ctx, who),
    setNotificationPrefs: (who: Principal, input: NotificationPrefs) => setNotificationPrefs(ctx, who, input),
    createThank: (who: Principal, input: CreateThank, key: string) => createThank(ctx, who, input, key),
    inbox: (who: Principal) => ({
      toRate: asksToRate(ctx, who, limits.pageSize),
      sent: asksSentBy(ctx, who, limits.pageSize),
      forMe: asksFor(ctx, who, limits.pageSize),
      thanks: thanksReceivedBy(ctx, who, limits.pageSize),
      seq: lastSeq(ctx),
    }),
    leaderboard: (who: Principal, query: LeaderboardQuery) => leaderboard(ctx, who, query),
    unsung: (who: Principal, query: InsightsQuery) => unsung(ctx, who, query),
    service: (who: Principal, query: InsightsQuery) => service(ctx, who, query),
    handoffs: (who: Principal, query: InsightsQuery) => handoffs(ctx, who, query),
    trends: (who: Principal, query: TrendsQuery) => trends(ctx, who, query),
    digest: (who: Principal, query: Pick<DigestQuery, 'at'>) => digest(ctx, who, query.at),
    /** Counts the asks that fell overdue since the last time; the runtime calls it on a timer or an alarm. */
    sweepOverdue: () => sweepOverdue(ctx),
    /** When the next ask falls overdue (a read): when the runtime should sweep. */
    nextOverdue: () => nextOverdue(ctx),
    /** Replays the event log into the managers' views (they are derived: nothing is lost). */
    rebuildViews: () => rebuildViews(ctx),
    /** Every view row, for the test that a replay reproduces them. */
    viewsSnapshot: () => snapshotViews(ctx),
    ...webhookOps(ctx),
    ...pulseOps(ctx),
    /** The audit trail, for admins. */
    events: (who: Principal, query: z.infer<typeof eventsQuerySchema>) => {
      if (who.role !== 'admin') throw new LedgerError('forbidden', 'The event log is for admins');
      return eventsAfter(ctx, query.after, query.limit);
    },
  };
}

export type OrgLedger = ReturnType<typeof createOrgLedger>;

function requireOrg(id: string | undefined): string {
  if (!id) throw new LedgerError('not_found', 'Organisation not found');
  return id;
}
