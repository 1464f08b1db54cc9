import type { AsyncLedger, Ledgers } from '../core/remote.ts';
import { newSignInCode } from '../http/credentials.ts';
import { codeHash } from '../http/routes/session.ts';
import type { DemoPeople } from './demo-history.ts';
import { demoOrg, emailOf } from './demo-org.ts';

export interface DemoCodes {
  member: string;
  /** A Payroll member, to try the serving side of asks. */
  payroll: string;
  manager: string;
  admin: string;
}

/**
 * Creates the demo organisation: departments, people, values, and reusable sign-in codes for a
 * member, a manager and an admin. Runtime-agnostic: Node calls it on first start, the Worker from its
 * setup route. With `history`, activity too: Node passes seedDemoHistory (setup/demo-history.ts) with a
 * way to set the ledger's clock; the Worker has none, so the seeder stays out of its bundle.
 */
export async function createDemoOrganisation(
  ledgers: Ledgers,
  orgId: string = demoOrg.id,
  options: { history?: (ledger: AsyncLedger, demo: DemoPeople) => Promise<void> } = {},
): Promise<DemoCodes> {
  const ledger = await ledgers.create(orgId);
  await ledger.init({ id: orgId, name: demoOrg.name });
  const values: string[] = [];
  for (const value of demoOrg.values) values.push((await ledger.addValue(value)).id);
  const departmentIds = new Map<string, string>();
  for (const d of demoOrg.departments) {
    const standard = { firstResponseHours: d.firstResponseHours, resolutionHours: d.resolutionHours };
    departmentIds.set(d.name, (await ledger.addDepartment({ name: d.name, offers: [...d.offers], standard })).id);
  }
  const personIds = new Map<string, string>();
  for (const p of demoOrg.people) {
    const person = await ledger.addPerson({
      name: p.name,
      email: emailOf(p.name),
      title: p.title,
      role: p.role,
      departmentIds: p.departments.map((d) => departmentIds.get(d) ?? ''),
    });
    personIds.set(p.name, person.id);
  }
  if (options.history) {
    const people = new Map(
      demoOrg.people.map((p) => [p.name, { orgId, personId: personIds.get(p.name) ?? '', role: p.role }]),
    );
    await options.history(ledger, { people, departments: departmentIds, values });
  }
  const expiresAt = new Date(Date.now() + 365 * 86_400_000).toISOString();
  const codeFor = async (name: string) => {
    const code = newSignInCode(orgId);
    const secret = code.split('.')[1];
    await ledger.issueSignInCode({
      personId: personIds.get(name) ?? '',
      codeHash: await codeHash(orgId, secret),
      expiresAt,
      reusable: true,
    });
    return code;
  };
  return {
    member: await codeFor(demoOrg.signIn.member),
    payroll: await codeFor(demoOrg.signIn.payroll),
    manager: await codeFor(demoOrg.signIn.manager),
    admin: await codeFor(demoOrg.signIn.admin),
  };
}
