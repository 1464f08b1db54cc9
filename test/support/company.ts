import type { Principal } from '../../server/core/context.ts';
import type { AsyncLedger, Ledgers } from '../../server/core/remote.ts';
import { askTo, newAsk } from './demo.ts';

/** A real company's size, not the demo's: the Durable Object's 100-values-per-statement limit bites past it. */
export const companySize = { people: 1000, departments: 40, thanked: 120, unthanked: 30 } as const;

const pad = (n: number) => String(n).padStart(4, '0');
const emailOf = (i: number) => `p${pad(i)}@acme.example`;
export const departmentName = (d: number) => `Department ${String(d + 1).padStart(2, '0')}`;

/** Person i of the company's HR export. */
export const companyRow = (i: number) => ({
  name: `Person ${pad(i)}`,
  email: emailOf(i),
  title: i % 25 === 0 ? 'Manager' : 'Specialist',
  departments: [departmentName(i % companySize.departments)],
  role: i % 25 === 0 ? ('manager' as const) : ('member' as const),
});

let counter = 0;

/**
 * Acme's people: Ada, its admin (with limits no seeding reaches), and 1,000 people in 40 departments imported
 * from its HR export in one go.
 */
export async function importedCompany(ledgers: Ledgers, prefix = 'acme') {
  const orgId = `${prefix}${Date.now().toString(36)}-${counter++}`;
  const ledger = (await ledgers.create(orgId)) as AsyncLedger;
  await ledger.init({ id: orgId, name: 'Acme' });
  const first = await ledger.addPerson({
    name: 'Ada Lovelace',
    email: 'ada@acme.example',
    title: 'People Ops',
    role: 'admin',
    departmentIds: [],
  });
  const admin: Principal = { orgId, personId: first.id, role: 'admin' };
  await ledger.updateSettings(admin, { limits: { writesPerMinute: 100_000, thanksPerRecipientPerDay: 100_000 } });
  const imported = await ledger.importPeople(
    admin,
    Array.from({ length: companySize.people }, (_, i) => companyRow(i)),
  );
  return { orgId, ledger, admin, imported };
}

/**
 * Acme (importedCompany) with six company values.
 * In this month, 150 people serve asks: the first 120 serve one each and are rated and thanked for
 * it; the other 30 serve three each and are never thanked (unsung). One requester sends more asks
 * than a page holds, one thank-you goes to as many people as allowed with as many values.
 */
export async function seededCompany(ledgers: Ledgers) {
  const { orgId, ledger, admin, imported } = await importedCompany(ledgers);
  const values: string[] = [];
  for (const v of ['Customers first', 'Own it', 'Be kind', 'Keep it simple', 'Learn', 'Together']) {
    values.push((await ledger.addValue(v)).id);
  }
  const person = async (i: number): Promise<Principal> => {
    const p = await ledger.personByEmail({ email: emailOf(i), name: '' }, false);
    if (!p) throw new Error(`no ${emailOf(i)}`);
    return p;
  };
  const departmentIds = new Map(
    (await ledger.departments(admin)).departments.map((d) => [d.name, d.id] as [string, string]),
  );
  const departmentOf = (i: number) => departmentIds.get(departmentName(i % companySize.departments)) as string;
  const manager = await person(0);

  // Servers are people 0…149; their requesters are people 500…649 (never in the same department's queue by chance).
  const servers: Principal[] = [];
  let asks = 0;
  for (let i = 0; i < companySize.thanked + companySize.unthanked; i++) {
    const server = await person(i);
    const requester = await person(500 + i);
    servers.push(server);
    const times = i < companySize.thanked ? 1 : 3;
    for (let n = 0; n < times; n++) {
      const ask = await newAsk(
        ledger,
        requester,
        askTo({ kind: 'department', id: departmentOf(i) }, `Ask ${i}.${n}`, { allowDuplicate: true }),
      );
      asks++;
      await ledger.transitionAsk(server, ask.id, { status: 'resolved' });
      if (i < companySize.thanked) {
        await ledger.rateAsk(
          requester,
          ask.id,
          { overall: 5, comment: '', thanks: { message: 'Thank you', values: [values[i % values.length]] } },
          `rate-${i}`,
        );
      }
    }
  }
  // One requester with more asks than a page, all to one department: a full inbox and a long queue.
  const busy = await person(999);
  for (let n = 0; n < 60; n++) {
    await newAsk(
      ledger,
      busy,
      askTo({ kind: 'department', id: departmentOf(1) }, `Busy ${n}`, { allowDuplicate: true }),
    );
    asks++;
  }
  // The widest thank-you: as many recipients and values as allowed.
  const wide = await ledger.createThank(
    busy,
    {
      to: Array.from({ length: 10 }, (_, i) => ({ kind: 'person' as const, id: servers[i].personId })),
      message: 'For the launch',
      values: values.slice(0, 3),
      visibility: 'public',
    },
    'wide-thanks',
  );
  return {
    orgId,
    ledger,
    admin,
    manager,
    imported,
    values,
    departmentIds,
    departmentOf,
    servers,
    busy,
    wide,
    asks,
    member: (i: number) => person(i),
  };
}
