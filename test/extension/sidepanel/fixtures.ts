import { vi } from 'vitest';
import type { Api } from '../../../extension/utils/api.ts';
import type { Ask } from '../../../shared/asks.ts';
import type { Inbox } from '../../../shared/inbox.ts';
import type { Me } from '../../../shared/session.ts';
import type { Thank } from '../../../shared/thanks.ts';

export const sam = { id: 'p_sam', name: 'Sam Rivera' };
export const priya = { id: 'p_priya', name: 'Priya Natarajan' };

/** An ask as the lists get it; `over` changes what a test is about. */
export function makeAsk(over: Partial<Ask> = {}): Ask {
  return {
    id: 'a_1',
    seq: 1,
    updatedSeq: 1,
    requester: sam,
    to: { kind: 'department', id: 'd_pay', name: 'Payroll' },
    assignee: null,
    subject: 'Overtime missing',
    details: '',
    context: null,
    expectedBy: null,
    importance: 'normal',
    status: 'open',
    declineReason: null,
    createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    firstResponseAt: null,
    resolvedAt: null,
    resolvedBy: null,
    clock: {
      firstResponseDueAt: null,
      resolutionDueAt: null,
      firstResponseMs: null,
      resolutionMs: null,
      waitingMs: 0,
      overdue: false,
    },
    rating: null,
    thankCount: 0,
    replyCount: 0,
    ...over,
  };
}

/** A resolved ask of Sam's, to rate. */
export const resolvedAsk = (over: Partial<Ask> = {}) =>
  makeAsk({ status: 'resolved', resolvedBy: priya, resolvedAt: new Date().toISOString(), ...over });

export function makeThank(over: Partial<Thank> = {}): Thank {
  return {
    id: 't_1',
    seq: 2,
    from: priya,
    to: [{ kind: 'person', id: sam.id, name: sam.name }],
    message: 'Thanks for the quick review',
    values: [],
    askId: null,
    visibility: 'public',
    createdAt: new Date().toISOString(),
    ...over,
  };
}

export const inboxOf = (over: Partial<Inbox> = {}): Inbox => ({
  toRate: [],
  sent: [],
  forMe: [],
  thanks: [],
  seq: 1,
  ...over,
});

export const me = {
  org: { id: 'o_1', name: 'Acme' },
  person: { id: sam.id, name: sam.name },
  departments: [],
  values: [{ id: 'v_care', name: 'Care' }],
  preferences: { boardOptOut: false },
} as unknown as Me;

/** An API whose methods the test gives; the rest throw if called. */
export const fakeApi = (methods: Partial<Record<keyof Api, unknown>> = {}) =>
  ({ ask: vi.fn(async () => ({ timeline: [] })), ...methods }) as unknown as Api;
