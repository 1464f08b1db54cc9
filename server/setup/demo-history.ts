import type { Principal } from '../core/context.ts';
import type { AsyncLedger } from '../core/remote.ts';
import { demoOrg } from './demo-org.ts';
import { mulberry32 } from './random.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DemoPeople {
  /** Person name → principal. */
  people: Map<string, Principal>;
  /** Department name → id. */
  departments: Map<string, string>;
  values: string[];
}

/**
 * Ten weeks of life in the demo organisation, so the managers' page has trends, a hand-off map and
 * unsung helpers on first start: asks that are answered, resolved (a few late, declined, forwarded,
 * bounced), rated and thanked, and thank-yous with values. Deterministic. `travel` sets the ledger's
 * clock (Node's embedded default can; a Durable Object cannot, so the Worker seeds no history).
 */
export async function seedDemoHistory(ledger: AsyncLedger, demo: DemoPeople, travel: (at: Date) => void) {
  const rand = mulberry32(7);
  // Nothing happens after the moment of seeding: the last days' asks that would be resolved or rated
  // later stay open or unrated (a history with "resolved in 2 days" in it reads as broken).
  const seededAt = Date.now();
  const past = (at: number) => at <= seededAt;
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const members = (dept: string) =>
    demoOrg.people.filter((p) => p.departments.includes(dept)).map((p) => demo.people.get(p.name) as Principal);
  const everyone = [...demo.people.values()];
  const deptNames = demoOrg.departments.map((d) => d.name);
  const today = new Date();
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - 70 * DAY;
  let key = 0;
  const k = () => `demo-history-${key++}`;
  for (let d = 0; d < 70; d++) {
    const day = start + d * DAY;
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    // Busier towards today: the trend goes somewhere.
    const asks = 2 + Math.floor(rand() * 4 + d / 20);
    for (let i = 0; i < asks; i++) {
      const at = day + (8 + rand() * 8) * HOUR;
      const from = pick(everyone);
      const deptName = pick(deptNames);
      const servers = members(deptName).filter((p) => p.personId !== from.personId);
      if (!servers.length) continue;
      travel(new Date(at));
      const { result } = await ledger.createAsk(
        from,
        {
          to: { kind: 'department', id: demo.departments.get(deptName) as string },
          subject: pick([
            'Question about my payslip',
            'Access to the shared drive',
            'Contract review',
            'New laptop',
            'Desk move',
            'Quote for a customer',
            'Leave balance',
          ]),
          details: '',
          importance: pick(['low', 'normal', 'normal', 'high', 'urgent'] as const),
          expectedBy:
            rand() < 0.4 ? new Date(at + (1 + Math.floor(rand() * 5)) * DAY).toISOString().slice(0, 10) : undefined,
          allowDuplicate: true,
        },
        k(),
      );
      if ('duplicateOf' in result) continue;
      // Aisha carries IT's load and is rarely thanked: the unsung helper the managers' page should find.
      const aisha = demo.people.get('Aisha Bello');
      let holder = deptName === 'IT' && aisha && from !== aisha && rand() < 0.7 ? aisha : pick(servers);
      const fate = rand();
      // The last few days keep some open: the backlog, some of it overdue.
      if (d > 64 && fate < 0.4) continue;
      const taken = at + rand() * 6 * HOUR;
      if (!past(taken)) continue;
      travel(new Date(taken));
      if (fate < 0.12) {
        const other = pick(deptNames.filter((n) => n !== deptName));
        const otherServers = members(other).filter((p) => p.personId !== from.personId);
        if (otherServers.length) {
          await ledger.forwardAsk(holder, result.id, { departmentId: demo.departments.get(other) as string, note: '' });
          holder = pick(otherServers);
          if (fate < 0.04 && past(at + 8 * HOUR)) {
            travel(new Date(at + 8 * HOUR));
            await ledger.forwardAsk(holder, result.id, {
              departmentId: demo.departments.get(deptName) as string,
              note: '',
            });
            holder = pick(servers);
          }
        }
      }
      await ledger.transitionAsk(holder, result.id, { status: 'acknowledged' });
      const closed = at + (4 + rand() * (fate > 0.75 ? 120 : 40)) * HOUR;
      if (!past(closed)) continue;
      travel(new Date(closed));
      if (fate > 0.95) {
        await ledger.transitionAsk(holder, result.id, { status: 'declined', reason: 'Not something we handle' });
        continue;
      }
      await ledger.transitionAsk(holder, result.id, { status: 'resolved' });
      // Rated some hours after it was resolved, never before.
      if (rand() < 0.55 && past(closed + 6 * HOUR)) {
        travel(new Date(closed + 6 * HOUR));
        const thanks =
          holder !== aisha && rand() < 0.55
            ? { message: 'Thank you, that sorted it.', values: [pick(demo.values)] }
            : undefined;
        const score = () => 3 + Math.floor(rand() * 3) - (fate > 0.85 ? 1 : 0);
        await ledger.rateAsk(
          from,
          result.id,
          { overall: score(), communication: score(), responsiveness: score(), quality: score(), comment: '', thanks },
          k(),
        );
      }
    }
    for (let i = 0; i < 1 + Math.floor(rand() * 3); i++) {
      const from = pick(everyone);
      const to = pick(everyone);
      if (to.personId === from.personId || to === demo.people.get('Aisha Bello')) continue;
      const thankedAt = day + (9 + rand() * 8) * HOUR;
      if (!past(thankedAt)) continue;
      travel(new Date(thankedAt));
      await ledger.createThank(
        from,
        {
          to: [{ kind: 'person', id: to.personId }],
          message: pick(['Thanks for jumping on this!', 'You saved my week.', 'Great teamwork on the launch.']),
          values: rand() < 0.7 ? [pick(demo.values)] : [],
          visibility: rand() < 0.9 ? 'public' : 'private',
        },
        k(),
      );
    }
  }
}
