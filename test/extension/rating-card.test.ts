import { afterEach, describe, expect, it, vi } from 'vitest';
import { ratingCard } from '../../extension/components/rating-card.ts';
import type { Api } from '../../extension/utils/api.ts';
import type { Ask } from '../../shared/asks.ts';

const ask = {
  id: 'a_1',
  subject: 'Overtime missing',
  to: { kind: 'department', id: 'd_pay', name: 'Payroll' },
  resolvedBy: { id: 'p_priya', name: 'Priya Natarajan' },
  resolvedAt: new Date().toISOString(),
} as Ask;

function mount() {
  const rate = vi.fn(async () => ({}) as never);
  const onRated = vi.fn();
  const card = ratingCard({ rate } as unknown as Api, ask, onRated);
  document.body.replaceChildren(card.el);
  const radio = (name: string) => card.el.querySelector<HTMLInputElement>(`input[aria-label="${name}"]`)!;
  const button = (text: string) =>
    [...card.el.querySelectorAll('button')].find((b) => b.textContent?.trim() === text) as HTMLButtonElement;
  return { rate, onRated, card, radio, button };
}

describe('rating card', () => {
  afterEach(() => document.body.replaceChildren());

  it('rates and thanks in two clicks: the stars, then "Rate and thank"', async () => {
    const { rate, onRated, radio, button } = mount();
    radio('5 stars').click();
    button('Rate and thank').click();
    await vi.waitFor(() => expect(onRated).toHaveBeenCalled());
    expect(rate).toHaveBeenCalledWith(
      'a_1',
      { overall: 5, comment: '', thanks: { message: 'Thanks for resolving “Overtime missing”!', values: [] } },
      expect.stringMatching(/^[0-9a-f-]{36}$/),
    );
    expect(onRated).toHaveBeenCalledWith(expect.objectContaining({ thanked: 'Priya Natarajan' }));
  });

  it('labels the stars as a radio group named Overall', () => {
    const { card } = mount();
    const group = card.el.querySelector('[role="radiogroup"]')!;
    expect(document.getElementById(group.getAttribute('aria-labelledby')!)?.textContent).toBe('Overall');
    expect([...group.querySelectorAll('input[type="radio"]')].map((r) => r.getAttribute('aria-label'))).toEqual([
      '1 star',
      '2 stars',
      '3 stars',
      '4 stars',
      '5 stars',
    ]);
  });

  it('asks for the stars before sending anything', () => {
    const { rate, button, card } = mount();
    button('Rate only').click();
    expect(rate).not.toHaveBeenCalled();
    expect(card.el.textContent).toContain('Choose 1 to 5 stars');
  });

  it('sends the finer ratings and no thank-you with "Rate only"', async () => {
    const { rate, onRated, radio, button, card } = mount();
    radio('3 stars').click();
    button('More detail').click();
    const quality = card.el.querySelectorAll('[role="radiogroup"]')[3];
    quality.querySelector<HTMLInputElement>('input[aria-label="4 stars"]')!.click();
    button('Rate only').click();
    await vi.waitFor(() => expect(onRated).toHaveBeenCalled());
    expect(rate).toHaveBeenCalledWith('a_1', { overall: 3, quality: 4, comment: '' }, expect.any(String));
  });
});
