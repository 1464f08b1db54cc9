import { expect } from 'vitest';

/**
 * The API as an e2e test sets the scene with it: a call that must answer `status` (any 2xx when not given), a
 * session token for a sign-in code, and a one-time code for a person of the demo (as an invitation gives them).
 */
export function apiCaller(server: { url: string }) {
  async function call<T>(bearer: string | null, method: string, path: string, body?: unknown, status?: number) {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        'idempotency-key': crypto.randomUUID(),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const said = `${method} ${path}: ${await res.clone().text()}`;
    if (status === undefined) expect(res.ok, said).toBe(true);
    else expect(res.status, said).toBe(status);
    return (await res.json()) as T;
  }
  const token = async (code: string) => (await call<{ token: string }>(null, 'POST', '/v1/session', { code })).token;
  async function personId(admin: string, name: string) {
    const path = `/v1/people?q=${encodeURIComponent(name)}`;
    const { people } = await call<{ people: { id: string; name: string }[] }>(admin, 'GET', path);
    return people.find((p) => p.name === name)?.id as string;
  }
  const codeFor = async (admin: string, name: string) =>
    (await call<{ code: string }>(admin, 'POST', '/v1/invitations', { personId: await personId(admin, name) })).code;
  return { call, token, personId, codeFor };
}
