import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { expect, it } from 'vitest';
import { screenshotStore } from '../../server/blobs/screenshots.ts';
import { createApp } from '../../server/http/app.ts';
import { nodeLedgers } from '../../server/node/ledgers.ts';
import { seedDemoHistory } from '../../server/setup/demo-history.ts';
import { createDemoOrganisation } from '../../server/setup/organisation.ts';
import type { LedgerEvent } from '../../shared/events.ts';
import { bearer, post } from '../support/node-app.ts';

// The demo's ten weeks of history, seeded as `npm start` does (the ledger's clock moved back for each
// event), read back through the admins' event log: a history a person can believe.
it('seeds a history with nothing in the future, each ask rated only after it was resolved', async () => {
  let offset = 0;
  const ledgers = nodeLedgers(':memory:', createStorage({ driver: memory() }), {
    now: () => new Date(Date.now() + offset),
  });
  const codes = await createDemoOrganisation(ledgers, 'demo', {
    history: (ledger, demo) =>
      seedDemoHistory(ledger, demo, (at) => {
        offset = at.getTime() - Date.now();
      }),
  });
  offset = 0;
  const app = createApp({ ledgers, screenshots: screenshotStore(createStorage({ driver: memory() })) });
  const { token } = (await (await app.request('/v1/session', post({ code: codes.admin }))).json()) as {
    token: string;
  };
  const now = Date.now();
  const events: LedgerEvent[] = [];
  for (let after = 0, more = true; more; ) {
    const res = await app.request(`/v1/events?after=${after}&limit=500`, { headers: bearer(token) });
    const page = (await res.json()) as { events: LedgerEvent[]; last: number; more: boolean };
    events.push(...page.events);
    ({ last: after, more } = page);
  }
  ledgers.close();

  expect(events.length).toBeGreaterThan(1000);
  const future = events.filter((e) => Date.parse(e.at) > now);
  expect(future.map((e) => `${e.type} at ${e.at}`)).toEqual([]);
  const resolvedAt = new Map(
    events
      .filter((e) => e.type === 'ask.status' && (e.data as { to?: string }).to === 'resolved')
      .map((e) => [e.subjectId, Date.parse(e.at)]),
  );
  const ratedEarly = events.filter(
    (e) => e.type === 'ask.rated' && Date.parse(e.at) < (resolvedAt.get(e.subjectId) ?? Number.POSITIVE_INFINITY),
  );
  expect(ratedEarly.map((e) => e.subjectId)).toEqual([]);
  expect(events.some((e) => e.type === 'ask.rated')).toBe(true);
});
