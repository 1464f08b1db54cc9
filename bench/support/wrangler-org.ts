/*
 * An organisation of realistic size made through the Worker's own API under `wrangler dev`: the operator's
 * setup route (SETUP_TOKEN), the first admin signed in, the limits lifted (the bench measures cost, not the
 * limits), an HR export of `people` people in 40 departments imported, `signedIn` of them given an invitation
 * and signed in (a token each), and open asks between them so that counting what waits on someone has rows to
 * look at.
 */
export const departments = 40;

export interface BenchOrg {
  orgId: string;
  admin: string;
  /** Tokens of the people signed in, person i's at i. */
  tokens: string[];
  personIds: string[];
  departmentIds: string[];
  /** Person i's department (people are in departments round robin). */
  departmentOf: (i: number) => string;
}

const pad = (n: number) => String(n).padStart(5, '0');

export async function benchOrg(
  url: string,
  setupToken: string,
  opts: { people: number; signedIn: number; asks: number },
): Promise<BenchOrg> {
  const call = async (path: string, init: RequestInit & { token?: string; body?: string } = {}) => {
    const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body) headers['content-type'] = 'application/json';
    const res = await fetch(`${url}${path}`, { ...init, headers });
    if (!res.ok) throw new Error(`[bench:sync] ${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const post = (path: string, body: unknown, token?: string, extra: Record<string, string> = {}) =>
    call(path, { method: 'POST', body: JSON.stringify(body), token, headers: extra });
  const signIn = async (code: string) => (await post('/v1/session', { code, label: 'bench' })).token as string;

  const created = (await post(
    '/v1/setup/organisations',
    { name: `Bench ${Date.now().toString(36)}`, admin: { name: 'Ada Admin', email: 'ada@bench.example' } },
    setupToken,
  )) as { orgId: string; admin: { code: string } };
  const admin = await signIn(created.admin.code);
  await call('/v1/settings', {
    method: 'PATCH',
    token: admin,
    body: JSON.stringify({ limits: { writesPerMinute: 100_000, thanksPerRecipientPerDay: 100_000 } }),
  });
  const rows = Array.from(
    { length: opts.people },
    (_, i) =>
      `Person ${pad(i)},p${pad(i)}@bench.example,Specialist,Department ${String(i % departments).padStart(2, '0')}`,
  );
  await post('/v1/people/import', { csv: `name,email,title,departments\n${rows.join('\n')}` }, admin);

  // People by their number: "Person 001" finds Person 00100…00199, within one page of 200.
  const personIds: string[] = [];
  for (let hundred = 0; hundred * 100 < opts.signedIn; hundred++) {
    const q = encodeURIComponent(`Person ${String(hundred).padStart(3, '0')}`);
    const { people } = (await call(`/v1/people?q=${q}&limit=200`, { token: admin })) as {
      people: { id: string; name: string }[];
    };
    for (const p of people) personIds[Number(p.name.slice('Person '.length))] = p.id;
  }
  const { departments: list } = (await call('/v1/departments', { token: admin })) as {
    departments: { id: string; name: string }[];
  };
  const byName = new Map(list.map((d) => [d.name, d.id]));
  const departmentIds = Array.from(
    { length: departments },
    (_, d) => byName.get(`Department ${String(d).padStart(2, '0')}`) as string,
  );

  const tokens: string[] = [];
  const batch = 20;
  for (let i = 0; i < opts.signedIn; i += batch) {
    const chunk = Array.from({ length: Math.min(batch, opts.signedIn - i) }, (_, k) => i + k);
    const got = await Promise.all(
      chunk.map(async (n) => {
        const { code } = (await post('/v1/invitations', { personId: personIds[n] }, admin)) as { code: string };
        return signIn(code);
      }),
    );
    got.forEach((t, k) => {
      tokens[i + k] = t;
    });
  }

  // Open asks: half to a department, half to a person, from the signed-in people in turn.
  let key = 0;
  for (let i = 0; i < opts.asks; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, opts.asks - i) }, (_, k) => {
        const n = i + k;
        const from = n % opts.signedIn;
        const to =
          n % 2 === 0
            ? { kind: 'department', id: departmentIds[n % departments] }
            : { kind: 'person', id: personIds[(from + 1 + (n % 97)) % opts.signedIn] };
        return post('/v1/asks', { to, subject: `Bench ask ${n}`, allowDuplicate: true }, tokens[from], {
          'idempotency-key': `bench-ask-${key++}-${Date.now()}`,
        });
      }),
    );
  }
  return {
    orgId: created.orgId,
    admin,
    tokens,
    personIds,
    departmentIds,
    departmentOf: (i) => departmentIds[i % departments],
  };
}
