import type * as z from 'zod';
import type { CreateAsk } from '../../shared/asks.ts';
import type { eventsQuerySchema } from '../../shared/events.ts';
import type { LeaderboardQuery } from '../../shared/leaderboard.ts';
import { limits } from '../../shared/limits.ts';
import type { DirectoryQuery } from '../../shared/people.ts';
import type { CreateThank } from '../../shared/thanks.ts';
import { asksFor, asksSentBy, createAsk, getAsk } from './asks.ts';
import type { LedgerContext, Principal } from './context.ts';
import * as credentials from './credentials.ts';
import { addDepartment, addPerson, addValue, searchDirectory } from './directory.ts';
import { LedgerError } from './errors.ts';
import { appendEvent, eventsAfter, lastSeq } from './events.ts';
import { leaderboard } from './leaderboard.ts';
import { migrate } from './migrations.ts';
import type { SqlPort } from './sql.ts';
import { createThank, thanksReceivedBy } from './thanks.ts';

export interface LedgerOptions {
  now?: () => Date;
}

/**
 * One organisation's ledger: commands and queries over its SQL. The runtime adapters (Node,
 * Durable Object) expose exactly this object and add nothing.
 */
export function createOrgLedger(sql: SqlPort, options: LedgerOptions = {}) {
  migrate(sql);
  const ctx: LedgerContext = {
    sql,
    now: options.now ?? (() => new Date()),
    newId: (prefix) => `${prefix}_${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`,
  };
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
    orgId,
    addDepartment: (input: Parameters<typeof addDepartment>[1]) => addDepartment(ctx, input),
    addPerson: (input: Parameters<typeof addPerson>[1]) => addPerson(ctx, input),
    addValue: (name: string) => addValue(ctx, name),
    issueSignInCode: (input: credentials.NewCode) => credentials.issueSignInCode(ctx, input),
    redeemSignInCode: (codeHash: string, token: credentials.NewToken) =>
      credentials.redeemSignInCode(ctx, requireOrg(orgId()), codeHash, token),
    authenticate: (tokenHash: string) => {
      const id = orgId();
      return id ? credentials.authenticate(ctx, id, tokenHash) : null;
    },
    revokeToken: (who: Principal, tokenHash: string) => credentials.revokeToken(ctx, who, tokenHash),
    me: (who: Principal) => credentials.me(ctx, who),
    directory: (_who: Principal, query: DirectoryQuery) => ({ entries: searchDirectory(ctx, query) }),
    createAsk: (who: Principal, input: CreateAsk, key: string) => createAsk(ctx, who, input, key),
    getAsk: (who: Principal, id: string) => getAsk(ctx, who, id),
    createThank: (who: Principal, input: CreateThank, key: string) => createThank(ctx, who, input, key),
    inbox: (who: Principal) => ({
      sent: asksSentBy(ctx, who, limits.pageSize),
      forMe: asksFor(ctx, who, limits.pageSize),
      thanks: thanksReceivedBy(ctx, who, limits.pageSize),
      seq: lastSeq(ctx),
    }),
    leaderboard: (who: Principal, query: LeaderboardQuery) => leaderboard(ctx, who, query),
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
