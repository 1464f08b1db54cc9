import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, post, testApp } from '../support/node-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let priya: string;
let carlos: string;
let payrollId: string;
beforeAll(async () => {
  t = await testApp();
  priya = await t.tokenFor('Priya Natarajan');
  carlos = await t.tokenFor('Carlos Mendes');
  payrollId = (await t.find(t.demo.member, 'Payroll')).id;
});

// A real 1×1 PNG, and what the browser's captureVisibleTab hands over: a data URL.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const dataUrl = (bytes: Buffer, type = 'png') => `data:image/${type};base64,${bytes.toString('base64')}`;
const key = () => ({ 'idempotency-key': `key-${crypto.randomUUID()}` });
const upload = (token: string, image: string) => t.request('/v1/screenshots', post({ image }, bearer(token)));
const lastSeq = async () =>
  ((await (await t.request('/v1/sync?after=0', { headers: bearer(t.demo.admin) })).json()) as { seq: number }).seq;
const askWith = (token: string, screenshot: string) =>
  t.request(
    '/v1/asks',
    post(
      {
        to: { kind: 'department', id: payrollId },
        subject: 'This payslip looks wrong',
        context: { url: `https://payroll.example/${crypto.randomUUID()}`, screenshot },
      },
      { ...bearer(token), ...key() },
    ),
  );

describe('screenshots attached to asks', () => {
  it('stores an upload once, named by its bytes', async () => {
    const first = await upload(t.demo.member, dataUrl(png));
    expect(first.status).toBe(201);
    const { id, bytes } = (await first.json()) as { id: string; bytes: number };
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(bytes).toBe(png.length);
    // The outbox may upload the same picture again: same id.
    expect(await (await upload(t.demo.member, dataUrl(png))).json()).toEqual({ id, bytes });
  });

  it('shows the picture to the ask’s parties only, byte for byte', async () => {
    const { id } = (await (await upload(t.demo.member, dataUrl(png))).json()) as { id: string };
    const created = await askWith(t.demo.member, id);
    expect(created.status).toBe(201);
    const ask = (await created.json()) as { id: string; context: { screenshot: string } };
    expect(ask.context.screenshot).toBe(id);
    for (const token of [t.demo.member, priya]) {
      const res = await t.request(`/v1/asks/${ask.id}/screenshot`, { headers: bearer(token) });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
    }
    // Someone outside the ask, a manager, another organisation: as if there were no such ask.
    for (const token of [carlos, t.demo.manager, t.other.admin]) {
      const res = await t.request(`/v1/asks/${ask.id}/screenshot`, { headers: bearer(token) });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/json/);
    }
    expect((await t.request(`/v1/asks/${ask.id}/screenshot`)).status).toBe(401);
  });

  it('refuses an ask naming a screenshot its requester never uploaded, and writes nothing', async () => {
    // Priya's own picture (other bytes than the member's): the member may not attach it.
    const hers = Buffer.concat([png, Buffer.from('priya')]);
    const { id } = (await (await upload(priya, dataUrl(hers))).json()) as { id: string };
    const before = await lastSeq();
    for (const screenshot of [id, 'f'.repeat(64)]) {
      const res = await askWith(t.demo.member, screenshot);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: { code: 'validation_failed', fields: { 'context.screenshot': expect.stringContaining('upload') } },
      });
    }
    const malformed = await askWith(t.demo.member, 'not-an-id');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      error: { fields: { 'context.screenshot': 'Not a screenshot id' } },
    });
    expect(await lastSeq()).toBe(before);
  });

  it('refuses what is not a PNG or JPEG, or too large, naming the field', async () => {
    const cases = [
      dataUrl(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'png'),
      `data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}`,
      'https://example.com/picture.png',
      'data:image/png;base64,iVBORw0KG', // not whole base64 quanta: atob refuses it
      dataUrl(Buffer.concat([png, Buffer.alloc(1024 * 1024)])),
    ];
    for (const image of cases) {
      const res = await upload(t.demo.member, image);
      expect(res.status, image.slice(0, 40)).toBe(400);
      expect(await res.json()).toMatchObject({ error: { fields: { image: expect.any(String) } } });
    }
  });

  it('answers 404 for an ask without a screenshot', async () => {
    const res = await t.request(
      '/v1/asks',
      post(
        { to: { kind: 'department', id: payrollId }, subject: 'No picture' },
        { ...bearer(t.demo.member), ...key() },
      ),
    );
    const { id } = (await res.json()) as { id: string };
    const shot = await t.request(`/v1/asks/${id}/screenshot`, { headers: bearer(t.demo.member) });
    expect(shot.status).toBe(404);
    expect(await shot.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
