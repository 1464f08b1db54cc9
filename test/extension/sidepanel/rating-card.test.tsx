import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RatingCard } from '../../../extension/entrypoints/sidepanel/rating-card.tsx';
import { type Api, ApiProblem } from '../../../extension/utils/api.ts';
import type { Ask } from '../../../shared/asks.ts';
import { fakeApi, resolvedAsk } from './fixtures.ts';

// The background's checks of the panel's forms, run here.
vi.mock('../../../extension/utils/validation.ts', () => import('../answer-validation.ts'));

const ask = resolvedAsk();

function mount(over: { ask?: Ask; rate?: Api['rate']; ask_?: Api['ask'] } = {}) {
  const rate = vi.fn(over.rate ?? (async () => ({}) as never));
  const client = fakeApi({ rate, ...(over.ask_ ? { ask: over.ask_ } : {}) });
  const onRated = vi.fn();
  render(<RatingCard client={client} ask={over.ask ?? ask} onRated={onRated} />);
  return { rate, onRated, client };
}
const overall = () => screen.getByRole('radiogroup', { name: 'Overall' });

describe('rating card', () => {
  afterEach(cleanup);

  it('rates and thanks in two clicks: the stars, then "Rate and thank"', async () => {
    const { rate, onRated } = mount();
    fireEvent.click(within(overall()).getByRole('radio', { name: '5 stars' }));
    fireEvent.click(screen.getByRole('button', { name: 'Rate and thank' }));
    await waitFor(() => expect(onRated).toHaveBeenCalled());
    expect(rate).toHaveBeenCalledWith(
      'a_1',
      { overall: 5, comment: '', thanks: { message: 'Thanks for resolving “Overtime missing”!', values: [] } },
      expect.stringMatching(/^[0-9a-f-]{36}$/),
    );
    expect(onRated).toHaveBeenCalledWith(expect.objectContaining({ thanked: 'Priya Natarajan' }));
  });

  it('labels the stars as a radio group named Overall, one radio per star', () => {
    mount();
    const radios = within(overall()).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('aria-label'))).toEqual([
      '1 star',
      '2 stars',
      '3 stars',
      '4 stars',
      '5 stars',
    ]);
    expect(overall().getAttribute('aria-required')).toBe('true');
  });

  it('asks for the stars before sending anything, beside the stars, and puts focus on them', async () => {
    const { rate } = mount();
    fireEvent.click(screen.getByRole('button', { name: 'Rate only' }));
    expect(await screen.findByText('Choose 1 to 5 stars')).toBeTruthy();
    expect(rate).not.toHaveBeenCalled();
    expect(overall().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('1 star');
    // Choosing stars takes the complaint away.
    fireEvent.click(within(overall()).getByRole('radio', { name: '2 stars' }));
    expect(screen.queryByText('Choose 1 to 5 stars')).toBeNull();
  });

  it('sends the finer ratings and no thank-you with "Rate only"', async () => {
    const { rate, onRated } = mount();
    fireEvent.click(within(overall()).getByRole('radio', { name: '3 stars' }));
    const more = screen.getByRole('button', { name: 'More detail' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(
      within(screen.getByRole('radiogroup', { name: 'Quality' })).getByRole('radio', { name: '4 stars' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Rate only' }));
    await waitFor(() => expect(onRated).toHaveBeenCalled());
    expect(rate).toHaveBeenCalledWith('a_1', { overall: 3, quality: 4, comment: '' }, expect.any(String));
    expect(onRated).toHaveBeenCalledWith(expect.objectContaining({ thanked: null }));
  });

  it('refuses an empty thank-you beside the message, and sends nothing', async () => {
    const { rate } = mount();
    fireEvent.click(within(overall()).getByRole('radio', { name: '4 stars' }));
    const message = screen.getByLabelText('Thank-you message');
    fireEvent.input(message, { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rate and thank' }));
    await waitFor(() => expect(message.getAttribute('aria-invalid')).toBe('true'));
    expect(rate).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(message);
  });

  it('says when the ask was already rated (409), and shows any other failure in the card', async () => {
    const conflict = mount({
      rate: async () => {
        throw new ApiProblem('conflict', 'Already rated', {}, 409);
      },
    });
    fireEvent.click(within(overall()).getByRole('radio', { name: '5 stars' }));
    fireEvent.click(screen.getByRole('button', { name: 'Rate only' }));
    await waitFor(() =>
      expect(conflict.onRated).toHaveBeenCalledWith({ ask, detail: null, thanked: null, overall: null }),
    );
    cleanup();

    const broken = mount({
      rate: async () => {
        throw new Error('The server answered 500');
      },
    });
    fireEvent.click(within(overall()).getByRole('radio', { name: '5 stars' }));
    fireEvent.click(screen.getByRole('button', { name: 'Rate only' }));
    await screen.findByText('The server answered 500');
    expect(broken.onRated).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Rate only' }).hasAttribute('disabled')).toBe(false);
  });

  it('shows what the helper said last before asking for stars', async () => {
    const timeline = [
      { type: 'reply', actor: { id: 'p_priya', name: 'Priya Natarajan' }, body: 'Found it: booked as leave.' },
      { type: 'reply', actor: { id: 'p_sam', name: 'Sam Rivera' }, body: 'Thanks, checking' },
      { type: 'status', actor: { id: 'p_priya', name: 'Priya Natarajan' }, status: 'resolved' },
    ];
    const read = vi.fn(async () => ({ timeline }) as never);
    mount({ ask: resolvedAsk({ replyCount: 2 }), ask_: read });
    const said = await screen.findByText('Found it: booked as leave.');
    expect(read).toHaveBeenCalledWith('a_1');
    expect(screen.getByText('Priya Natarajan said')).toBeTruthy();
    // Read before the stars: it comes first in the card.
    expect(said.compareDocumentPosition(overall()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByText('Thanks, checking')).toBeNull();
  });

  it('asks for no reply when nobody replied', () => {
    const { client } = mount();
    expect(client.ask).not.toHaveBeenCalled();
    expect(screen.queryByText(/ said$/)).toBeNull();
  });

  it('grows the prefilled thank-you box to its text, so it has no inner scrollbar', () => {
    const height = vi.spyOn(HTMLTextAreaElement.prototype, 'scrollHeight', 'get').mockReturnValue(84);
    try {
      mount({ ask: resolvedAsk({ subject: 'A subject long enough to need three lines at the narrowest width' }) });
      const message = screen.getByLabelText('Thank-you message') as HTMLTextAreaElement;
      expect(message.value).toBe(
        'Thanks for resolving “A subject long enough to need three lines at the narrowest width”!',
      );
      expect(message.style.height).toBe('84px');
      height.mockReturnValue(120);
      fireEvent.input(message, { target: { value: `${message.value} And more.` } });
      expect(message.style.height).toBe('120px');
    } finally {
      height.mockRestore();
    }
  });
});
