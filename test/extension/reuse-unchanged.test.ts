import { describe, expect, it } from 'vitest';
import { reuseUnchanged } from '../../extension/utils/reuse-unchanged.ts';

describe('reuseUnchanged', () => {
  it('keeps the objects of the items that did not change, by id, wherever they moved', () => {
    const a = { id: 'a', subject: 'A', replyCount: 0 };
    const b = { id: 'b', subject: 'B', replyCount: 1 };
    const prev = { forMe: [a, b], sent: [], total: 2 };
    const next = reuseUnchanged(prev, {
      forMe: [{ id: 'c', subject: 'C', replyCount: 0 }, { ...b }, { ...a, replyCount: 3 }],
      sent: [],
      total: 3,
    });
    expect(next.forMe[1]).toBe(b);
    expect(next.forMe[2]).not.toBe(a);
    expect(next.forMe[2].replyCount).toBe(3);
    expect(next.forMe[0].id).toBe('c');
    expect(next.total).toBe(3);
  });

  it('takes the answer as it is when nothing was shown before', () => {
    const next = { forMe: [{ id: 'a' }] };
    expect(reuseUnchanged(null, next)).toBe(next);
  });
});
