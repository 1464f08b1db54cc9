import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LimitsSection } from '../../../extension/entrypoints/settings/limits-section.tsx';
import { WebhooksSection } from '../../../extension/entrypoints/settings/webhooks-section.tsx';
import { ApiProblem, type DepartmentItem } from '../../../extension/utils/api.ts';
import type { DeliveryItem, NewWebhookInput, WebhookItem } from '../../../extension/utils/webhooks-api.ts';
import { renderSection } from './render-settings.tsx';

const payroll = { id: 'dep_pay', name: 'Payroll' } as DepartmentItem;
const paused: WebhookItem = {
  id: 'wh_1',
  name: 'Recognition',
  target: 'slack',
  url: 'https://hooks.slack.com/services/T/B/x',
  scope: 'organisation',
  departmentId: null,
  departmentName: null,
  events: ['thank.public'],
  state: 'paused',
  pausedReason: '12 deliveries in a row failed since 2026-11-30 09:00 UTC (last: HTTP 404)',
  createdAt: '2026-11-30T09:00:00.000Z',
};
const failed: DeliveryItem = {
  id: 'msg_1',
  kind: 'thank.public',
  status: 'failed',
  attempts: 12,
  nextAttemptAt: null,
  lastStatusCode: 404,
  lastError: 'HTTP 404',
  responseExcerpt: 'no_service',
  createdAt: '2026-11-30T09:00:00.000Z',
  deliveredAt: null,
};

/** The webhooks API over a list kept here, as the server keeps it. */
function fakeWebhooks() {
  let list: WebhookItem[] = [paused];
  return {
    webhooks: vi.fn(async () => ({ webhooks: list })),
    createWebhook: vi.fn(async (input: NewWebhookInput, _key: string) => {
      if (!input.url.startsWith('https://')) {
        throw new ApiProblem('validation_failed', 'Invalid', { url: 'An https:// address' }, 400);
      }
      const made: WebhookItem = {
        ...paused,
        ...input,
        id: 'wh_2',
        departmentId: input.departmentId ?? null,
        departmentName: input.departmentId ? 'Payroll' : null,
        scope: input.departmentId ? 'department' : 'organisation',
        state: 'active',
        pausedReason: null,
      };
      list = [...list, made];
      return { ...made, secret: 'whsec_c2VjcmV0LXNob3duLW9uY2U=' };
    }),
    updateWebhook: vi.fn(async (id: string, patch: { state?: 'active' | 'paused' }) => {
      list = list.map((w) => (w.id === id ? { ...w, ...patch, pausedReason: null } : w));
      return list.find((w) => w.id === id) as WebhookItem;
    }),
    deleteWebhook: vi.fn(async () => undefined),
    testWebhook: vi.fn(async () => ({ id: 'msg_2' })),
    deliveries: vi.fn(async () => ({ deliveries: [failed] })),
    resendDelivery: vi.fn(async () => ({ id: 'msg_1' })),
  };
}

describe('webhooks section', () => {
  afterEach(cleanup);

  it('shows each webhook with why it was paused, resumes it, sends a test and resends a delivery', async () => {
    const client = fakeWebhooks();
    renderSection(<WebhooksSection />, client as never, [payroll]);
    const card = (await screen.findByRole('article', { name: /Recognition/ })) as HTMLElement;
    expect(within(card).getByText('Paused')).toBeTruthy();
    expect(within(card).getByText(/12 deliveries in a row failed/)).toBeTruthy();
    expect(within(card).getByText('The whole organisation')).toBeTruthy();
    expect(within(card).getByText('Public thank-yous')).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: 'Resume' }));
    await screen.findByText('Resumed Recognition. What it still had to send goes now.');
    expect(client.updateWebhook).toHaveBeenCalledWith('wh_1', { state: 'active' });
    fireEvent.click(within(card).getByRole('button', { name: 'Send test to Recognition' }));
    await screen.findByText('A test is on its way to Recognition: see its deliveries.');

    fireEvent.click(within(card).getByRole('button', { name: 'Recent deliveries' }));
    const table = await screen.findByRole('table', { name: 'Recent deliveries of Recognition' });
    expect(within(table).getByText('Failed')).toBeTruthy();
    expect(within(table).getByText('404 · HTTP 404 · no_service')).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: 'Resend delivery msg_1' }));
    await screen.findByText('Sent again, with the same id.');
    expect(client.resendDelivery).toHaveBeenCalledWith('wh_1', 'msg_1');
  });

  it('adds a department’s webhook, puts a refused URL beside its field, and shows the secret once', async () => {
    const client = fakeWebhooks();
    renderSection(<WebhooksSection />, client as never, [payroll]);
    await screen.findByRole('article', { name: /Recognition/ });
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Payroll desk' } });
    fireEvent.change(screen.getByLabelText('Where'), { target: { value: 'teams' } });
    fireEvent.input(screen.getByLabelText('Webhook URL'), { target: { value: 'http://inside/x' } });
    await screen.findByRole('option', { name: 'Payroll' });
    fireEvent.change(screen.getByLabelText('For'), { target: { value: 'dep_pay' } });
    fireEvent.click(screen.getByLabelText('New asks to the department'));
    fireEvent.click(screen.getByLabelText('Public thank-yous'));
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    await screen.findByText('An https:// address');
    expect(screen.getByLabelText('Webhook URL').getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(screen.getByLabelText('Webhook URL'), {
      target: { value: 'https://example.webhook.office.com/x' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    const secret = (await screen.findByLabelText('Secret')) as HTMLInputElement;
    expect(secret.value).toBe('whsec_c2VjcmV0LXNob3duLW9uY2U=');
    const [first, second] = client.createWebhook.mock.calls;
    expect(second[0]).toEqual({
      name: 'Payroll desk',
      target: 'teams',
      url: 'https://example.webhook.office.com/x',
      departmentId: 'dep_pay',
      events: ['ask.new'],
    });
    // The retry after the refusal is the same add: the same Idempotency-Key.
    expect(second[1]).toBe(first[1]);
    await screen.findByRole('article', { name: /Payroll desk/ });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByLabelText('Secret')).toBeNull());
  });

  it('lets an admin set the digests’ day, hour and time zone beside the limits', async () => {
    const settings = {
      limits: { writesPerMinute: 60, thanksPerRecipientPerDay: 5 },
      digest: { day: 'mon' as const, hour: 8, timeZone: 'UTC' },
    };
    const updateSettings = vi.fn(async (body: { digest?: typeof settings.digest }) => {
      if (body.digest?.timeZone === 'Mars/Olympus') {
        throw new ApiProblem(
          'validation_failed',
          'Invalid',
          { 'digest.timeZone': 'A time zone such as Europe/Paris' },
          400,
        );
      }
      return { ...settings, digest: { ...settings.digest, ...body.digest } };
    });
    renderSection(<LimitsSection />, { settings: async () => settings, updateSettings } as never);
    const zone = await screen.findByLabelText('Time zone');
    fireEvent.change(screen.getByLabelText('Day'), { target: { value: 'fri' } });
    fireEvent.change(screen.getByLabelText('Hour'), { target: { value: '16' } });
    fireEvent.input(zone, { target: { value: 'Mars/Olympus' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save schedule' }));
    await screen.findByText('A time zone such as Europe/Paris');
    fireEvent.input(zone, { target: { value: 'Europe/Paris' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save schedule' }));
    await screen.findByText('Digest schedule saved.');
    expect(updateSettings).toHaveBeenLastCalledWith({ digest: { day: 'fri', hour: 16, timeZone: 'Europe/Paris' } });
  });
});
