import { beforeAll, expect, it } from 'vitest';
import { post, testApp } from '../support/node-app.ts';

/* Whether an organisation exists must not show in the answer to a sign-in code, nor in when it locks. */
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});

const attempt = async (code: string) => {
  const res = await t.request('/v1/session', post({ code }));
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
};

it('answers a code for an unknown organisation exactly as a wrong code for a real one', async () => {
  const real = await attempt('demo.ABCD-EFGH');
  const unknown = await attempt('no-such-org.ABCD-EFGH');
  expect(real.status).toBe(401);
  expect(unknown).toEqual(real);
  expect(real.body).toEqual({
    error: { code: 'invalid_code', message: expect.any(String), fields: { code: expect.any(String) } },
  });
});

it('locks both out after the same number of tries, with the same answer', async () => {
  const tries = async (orgId: string) => {
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await attempt(`${orgId}.WXYZ-${1000 + i}`));
    return answers.map((a) => ({ status: a.status, code: a.body.error.code, retryAfter: a.retryAfter !== null }));
  };
  const real = await tries('other');
  const unknown = await tries('ghost-org');
  expect(real.at(-1)).toEqual({ status: 429, code: 'rate_limited', retryAfter: true });
  expect(unknown).toEqual(real);
});
