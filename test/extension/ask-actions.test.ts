import { afterEach, describe, expect, it, vi } from 'vitest';
import { askActions } from '../../extension/components/ask-actions.ts';
import type { AskDetail } from '../../shared/asks.ts';

const detail = {
  ask: { requester: { id: 'p_sam', name: 'Sam' }, to: { kind: 'department', id: 'd_pay' }, assignee: null },
  actions: { transitions: ['acknowledged', 'declined'], canAssign: false, canForward: false, assignees: [] },
} as unknown as AskDetail;

function mount() {
  const transition = vi.fn(async () => {});
  const actions = askActions({ transition, assign: vi.fn(), forward: vi.fn(), departments: vi.fn() });
  document.body.replaceChildren(actions.el);
  actions.render(detail, 'p_priya');
  actions.el.querySelector<HTMLButtonElement>('[data-status="declined"]')?.click();
  const decline = (reason: string) => {
    actions.el.querySelector('textarea')!.value = reason;
    actions.el.querySelector('form')!.requestSubmit();
  };
  return { transition, decline, el: actions.el };
}

describe('declining an ask', () => {
  afterEach(() => document.body.replaceChildren());

  it('asks for a reason that shows, as the server does: zero-width characters say nothing', () => {
    const { transition, decline, el } = mount();
    decline('\u200B\u200D\u00A0\u202E');
    expect(transition).not.toHaveBeenCalled();
    expect(el.textContent).toContain('Say why');
  });

  it('sends the reason cleaned the way the server stores it', async () => {
    const { transition, decline } = mount();
    decline('\u200B Not ours: ask IT \u00A0');
    await vi.waitFor(() => expect(transition).toHaveBeenCalledWith('declined', 'Not ours: ask IT'));
  });
});
