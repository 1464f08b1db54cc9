import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, post, testApp } from '../support/node-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});

const thank = (body: string) =>
  t.request('/v1/thanks', {
    method: 'POST',
    headers: { ...bearer(t.demo.member), 'content-type': 'application/json', 'idempotency-key': 'messages-1' },
    body,
  });

describe('validation messages a person can read', () => {
  it('names the missing fields (was "Invalid json: to, message")', async () => {
    const res = await thank('{}');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'Missing: to, message',
        fields: { to: 'Required', message: 'Required' },
      },
    });
  });

  it('says the body must be a JSON object, or valid JSON (was "Invalid json: json")', async () => {
    for (const body of ['"hello"', '[1]', 'null']) {
      const res = await thank(body);
      expect(res.status, body).toBe(400);
      expect(await res.json()).toMatchObject({
        error: {
          code: 'validation_failed',
          message: 'Not valid: the body (a JSON object is expected)',
          fields: { body: expect.any(String) },
        },
      });
    }
    const broken = await thank('{"to": [');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({
      error: { code: 'validation_failed', message: 'The body is not valid JSON', fields: { body: 'Not valid JSON' } },
    });
  });

  it('names a missing header and a wrong value apart', async () => {
    const res = await t.request('/v1/thanks', post({ to: [], message: '' }, bearer(t.demo.member)));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { message: string; fields: Record<string, string> } };
    expect(error.message).toBe('Missing: idempotency-key');
    const wrong = await thank(JSON.stringify({ to: 'Priya', message: 'Thanks' }));
    expect(await wrong.json()).toMatchObject({
      error: { message: 'Not valid: to', fields: { to: expect.stringMatching(/expected array/) } },
    });
  });
});

describe("Hono's own refusals", () => {
  it('keep the code their status stands for, and a 429 says when to come back', async () => {
    const { Hono } = await import('hono');
    const { HTTPException } = await import('hono/http-exception');
    const { onError } = await import('../../server/http/errors.ts');
    const app = new Hono()
      .get('/:status', (c) => {
        throw new HTTPException(Number(c.req.param('status')) as 413, { message: 'No' });
      })
      .onError(onError);
    const codes = { 413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'rate_limited', 400: 'bad_request' };
    for (const [status, code] of Object.entries(codes)) {
      const res = await app.request(`/${status}`);
      expect(res.status).toBe(Number(status));
      expect(await res.json()).toMatchObject({ error: { code } });
      if (status === '429') expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
  });
});
