import { describe, expect, it } from 'vitest';
import { type AskParties, type AudienceEvent, audienceOf } from '../../server/core/audience.ts';

const event = (
  type: AudienceEvent['type'],
  data: Record<string, unknown> = {},
  subjectId: string | null = 'a1',
): AudienceEvent => ({
  type,
  actorId: 'someone',
  subjectId,
  data,
});
const toPayroll: AskParties = {
  status: 'in_progress',
  requesterId: 'sam',
  toKind: 'department',
  toId: 'payroll',
  assigneeId: 'priya',
};
const newToPayroll: AskParties = { ...toPayroll, status: 'open', assigneeId: null };
const toPriya: AskParties = { status: 'open', requesterId: 'sam', toKind: 'person', toId: 'priya', assigneeId: null };

describe('who an event concerns (push)', () => {
  it('an ask and everything that happens to it: requester, addressee and assignee, not whoever acted', () => {
    for (const type of ['ask.created', 'ask.status', 'ask.replied', 'ask.assigned', 'ask.rated'] as const) {
      expect(audienceOf(event(type), toPriya)).toMatchObject({ people: ['sam', 'priya'], departments: [] });
      expect(audienceOf({ ...event(type), actorId: 'priya' }, toPriya)).toMatchObject({ people: ['sam'] });
      expect(audienceOf({ ...event(type), actorId: 'sam' }, toPayroll)).toMatchObject({ people: ['priya'] });
    }
  });

  it('the department only when its queue of open, unassigned asks moved, not for every reply', () => {
    expect(audienceOf(event('ask.created'), newToPayroll).departments).toEqual(['payroll']);
    expect(audienceOf(event('ask.assigned'), { ...newToPayroll, assigneeId: 'priya' }).departments).toEqual([
      'payroll',
    ]);
    expect(audienceOf(event('ask.status', { from: 'open', to: 'acknowledged' }), newToPayroll).departments).toEqual([
      'payroll',
    ]);
    expect(audienceOf(event('ask.status', { from: 'open', to: 'in_progress' }), toPayroll).departments).toEqual([]);
    expect(audienceOf(event('ask.replied'), newToPayroll).departments).toEqual([]);
    expect(audienceOf(event('ask.rated'), toPayroll).departments).toEqual([]);
  });

  it('a forwarded ask also the department it left', () => {
    const forwarded = { ...newToPayroll, toId: 'facilities' };
    expect(audienceOf(event('ask.forwarded', { from: { id: 'payroll' } }), forwarded)).toMatchObject({
      people: ['sam'],
      departments: ['facilities', 'payroll'],
    });
  });

  it('a thank-you, public or private, its recipients and no one else (not even the sender)', () => {
    for (const visibility of ['public', 'private']) {
      const thanks = event(
        'thank.created',
        {
          visibility,
          to: [
            { kind: 'person', id: 'priya' },
            { kind: 'department', id: 'payroll' },
          ],
        },
        't1',
      );
      expect(audienceOf(thanks, null)).toEqual({
        people: ['priya'],
        departments: ['payroll'],
        everyone: false,
        regroup: false,
      });
    }
  });

  it('a person changed: that person, re-checked; an import: everyone, re-checked; settings and values: nobody', () => {
    expect(audienceOf(event('person.updated', {}, 'sam'), null)).toMatchObject({ people: ['sam'], regroup: true });
    expect(audienceOf(event('people.imported', {}, null), null)).toMatchObject({ everyone: true, regroup: true });
    for (const type of ['settings.updated', 'value.added', 'token.revoked', 'ask.followed'] as const) {
      expect(audienceOf(event(type), toPayroll)).toEqual({
        people: [],
        departments: [],
        everyone: false,
        regroup: false,
      });
    }
  });

  it('a pulse opened or its changes recorded: everyone; an answer or a skip: nobody, ever', () => {
    for (const type of ['pulse.opened', 'pulse.actions_set'] as const) {
      expect(audienceOf(event(type), null)).toMatchObject({ everyone: true, regroup: false });
    }
    for (const type of ['pulse.answered', 'pulse.skipped'] as const) {
      expect(audienceOf({ ...event(type), actorId: null }, null)).toEqual({
        people: [],
        departments: [],
        everyone: false,
        regroup: false,
      });
    }
  });
});
