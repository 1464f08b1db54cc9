import type { Principal } from '../../server/core/context.ts';
import type { AsyncLedger, Ledgers } from '../../server/core/remote.ts';
import { codeHash } from '../../server/http/routes/session.ts';
import { createDemoOrganisation } from '../../server/setup/organisation.ts';

let orgCounter = 0;

/** A freshly seeded demo organisation with principals for its member, manager and admin. */
export async function seededDemo(ledgers: Ledgers) {
  const orgId = `t${Date.now().toString(36)}-${orgCounter++}`;
  const codes = await createDemoOrganisation(ledgers, orgId);
  const ledger = (await ledgers.open(orgId)) as AsyncLedger;
  const signIn = async (code: string): Promise<Principal> =>
    ledger.redeemSignInCode(await codeHash(orgId, code.split('.')[1]), {
      hash: `test-${crypto.randomUUID()}`,
      label: 'test',
    });
  const member = await signIn(codes.member);
  const manager = await signIn(codes.manager);
  const admin = await signIn(codes.admin);
  /** Finds a person or department of the demo by name. */
  const find = async (name: string) => {
    const { entries } = await ledger.directory(member, { q: name, limit: 5 });
    const entry = entries.find((e) => e.name === name);
    if (!entry) throw new Error(`demo has no ${name}`);
    return entry;
  };
  const principalOf = async (name: string): Promise<Principal> => {
    const { id } = await find(name);
    const me = await ledger.me({ ...member, personId: id });
    return { orgId, personId: id, role: me.person.role };
  };
  return { orgId, codes, ledger, member, manager, admin, find, principalOf };
}

type DemoLedger = AsyncLedger;
type AskInput = Parameters<DemoLedger['createAsk']>[1];

/** A full ask input (the shape after the API's defaults). */
export const askTo = (to: AskInput['to'], subject: string, extra: Partial<AskInput> = {}): AskInput => ({
  to,
  subject,
  details: '',
  importance: 'normal',
  allowDuplicate: false,
  ...extra,
});

/** Creates an ask and returns it, failing the test if the duplicate guard answered instead. */
export async function newAsk(ledger: AsyncLedger, who: Principal, input: AskInput, key = `ask-${crypto.randomUUID()}`) {
  const { result } = await ledger.createAsk(who, input, key);
  if ('duplicateOf' in result) throw new Error(`unexpected duplicate of ${result.duplicateOf.id}`);
  return result;
}
