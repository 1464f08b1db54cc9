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
const toPayroll: AskParties = { requesterId: 'sam', toKind: 'department', toId: 'payroll', assigneeId: 'priya' };
const toPriya: AskParties = { requesterId: 'sam', toKind: 'person', toId: 'priya', assigneeId: null };

describe('who an event concerns (push)', () => {
  it('an ask and everything that happens to it: requester, addressee (person or department) and assignee', () => {
    for (const type of ['ask.created', 'ask.status', 'ask.replied', 'ask.assigned', 'ask.rated'] as const) {
      expect(audienceOf(event(type), toPayroll)).toMatchObject({ people: ['sam', 'priya'], departments: ['payroll'] });
      expect(audienceOf(event(type), toPriya)).toMatchObject({ people: ['sam', 'priya'], departments: [] });
    }
  });

  it('a forwarded ask also the department it left', () => {
    const forwarded = { ...toPayroll, toId: 'facilities', assigneeId: null };
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
});
