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
  return { member, manager, admin, priya };
}
