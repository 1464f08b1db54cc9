import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { screenshotStore } from '../../server/blobs/screenshots.ts';
import type { LedgerOptions } from '../../server/core/ledger.ts';
import { createApp } from '../../server/http/app.ts';
import { newSignInCode } from '../../server/http/credentials.ts';
import { generatedContract } from '../../server/http/openapi/contract.ts';
import { codeHash } from '../../server/http/routes/session.ts';
import { nodeLedgers } from '../../server/node/ledgers.ts';
import { createDemoOrganisation } from '../../server/setup/organisation.ts';

/** The Node wiring with an in-memory data dir, two seeded organisations and signed-in tokens. */
export async function testApp(openPort?: Parameters<typeof nodeLedgers>[3], options: LedgerOptions = {}) {
  const ledgers = nodeLedgers(':memory:', createStorage({ driver: memory() }), options, openPort);
  const screenshots = screenshotStore(createStorage({ driver: memory() }));
  const app = createApp({ ledgers, screenshots, contract: generatedContract });
  const request = (path: string, init: RequestInit = {}) => app.request(path, init);
  const signIn = async (code: string) => {
    const res = await request('/v1/session', post({ code }));
    if (res.status !== 201) throw new Error(`sign-in failed: ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };
  const orgTokens = async (orgId: string) => {
    const codes = await createDemoOrganisation(ledgers, orgId);
    return {
      codes,
      member: await signIn(codes.member),
      manager: await signIn(codes.manager),
      admin: await signIn(codes.admin),
    };
  };
  const demo = await orgTokens('demo');
  const other = await orgTokens('other');
  const find = async (token: string, name: string) => {
    const res = await request(`/v1/directory?q=${encodeURIComponent(name)}`, { headers: bearer(token) });
    const { entries } = (await res.json()) as { entries: { id: string; name: string; kind: string }[] };
    const entry = entries.find((e) => e.name === name);
    if (!entry) throw new Error(`no ${name}`);
    return entry;
  };
  /** Signs in any person of the demo organisation (the way an invitation code would). */
  const tokenFor = async (name: string) => {
    const person = await find(demo.admin, name);
    const code = newSignInCode('demo');
    const ledger = await ledgers.open('demo');
    await ledger?.issueSignInCode({
      personId: person.id,
      codeHash: await codeHash('demo', code.split('.')[1]),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      reusable: false,
    });
    return signIn(code);
  };
  return { app, ledgers, screenshots, request, signIn, demo, other, find, tokenFor };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function post(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}
