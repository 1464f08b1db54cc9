import type { AppType } from '../../server/http/app.ts';
import type { DemoCodes } from '../../server/setup/organisation.ts';

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * The demo organisation made ready for a load, through its own API: a member, a manager and an admin
 * signed in, the per-person limits lifted to the most the settings allow (the benches measure
 * throughput, not the limits), and Priya, the one person the simplest load thanks.
 */
export async function loadReadyOrg(app: Pick<AppType, 'request'>, codes: DemoCodes) {
  const signIn = async (code: string) => {
    const res = await app.request('/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    return ((await res.json()) as { token: string }).token;
  };
  const [member, manager, admin] = [await signIn(codes.member), await signIn(codes.manager), await signIn(codes.admin)];
  const lifted = await app.request('/v1/settings', {
    method: 'PATCH',
    headers: { ...auth(admin), 'content-type': 'application/json' },
    body: JSON.stringify({ limits: { writesPerMinute: 100_000, thanksPerRecipientPerDay: 100_000 } }),
  });
  if (!lifted.ok) throw new Error(`[bench] could not lift the limits: ${await lifted.text()}`);
  const found = await app.request('/v1/directory?q=priya', { headers: auth(member) });
  const priya = ((await found.json()) as { entries: { id: string }[] }).entries[0].id;
  // The three as senders and everyone else as recipients, for loads spread as an organisation's thank-yous are.
  const senders = await Promise.all(
    [member, manager, admin].map(
      async (t) =>
        ((await (await app.request('/v1/me', { headers: auth(t) })).json()) as { person: { id: string } }).person.id,
    ),
  );
  const all = await app.request('/v1/directory?q=&limit=50', { headers: auth(member) });
  const recipients = ((await all.json()) as { entries: { id: string; kind: string }[] }).entries
    .filter((e) => e.kind === 'person' && !senders.includes(e.id))
    .map((e) => e.id);
  // Ten minutes at 2,500 a second are 1.5 million thank-yous: more than the demo's people may receive in a
  // day (100,000 each at most). Forty more colleagues, added as an admin adds them.
  for (let i = 0; i < 40; i++) {
    const added = await app.request('/v1/people', {
      method: 'POST',
      headers: { ...auth(admin), 'content-type': 'application/json', 'idempotency-key': `bench-person-${i}` },
      body: JSON.stringify({ name: `Colleague ${i + 1}`, email: `colleague${i + 1}@bench.example` }),
    });
    if (!added.ok) throw new Error(`[bench] could not add a colleague: ${await added.text()}`);
    recipients.push(((await added.json()) as { id: string }).id);
  }
  return { member, manager, admin, priya, recipients };
}
