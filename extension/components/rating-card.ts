import './rating.css';
import { ChevronDown, Heart } from 'lucide';
import type { Ask } from '../../shared/asks.ts';
import { rateSchema } from '../../shared/asks.ts';
import { limits } from '../../shared/limits.ts';
import { type Api, ApiProblem, type AskDetailResult, composeKey } from '../utils/api.ts';
import { relativeTime } from '../utils/time.ts';
import { field } from './field.ts';
import { h, uid } from './h.ts';
import { icon } from './icon.ts';
import { starRating } from './star-rating.ts';

export interface RatedEvent {
  ask: Ask;
  /** The ask after rating; null when the server said it was already rated. */
  detail: AskDetailResult | null;
  /** Who the thank-you went to, when one was sent. */
  thanked: string | null;
}

/**
 * "How did it go?" for a resolved ask: overall stars (one click), an optional thank-you prefilled
 * (the second click sends both), and a disclosure for the finer ratings and a comment.
 */
export function ratingCard(client: Api, ask: Ask, onRated: (event: RatedEvent) => void) {
  const id = uid('rate');
  const key = composeKey();
  const server = ask.resolvedBy?.name ?? ask.to.name;
  const overall = starRating('Overall', { required: true });
  const finer = {
    communication: starRating('Communication', { small: true }),
    responsiveness: starRating('Responsiveness', { small: true }),
    quality: starRating('Quality', { small: true }),
  };
  const comment = h('textarea', { id: `${id}-comment`, rows: 2, maxlength: limits.ratingComment });
  const message = h('textarea', { id: `${id}-message`, rows: 2, maxlength: limits.thankMessage });
  message.value = `Thanks for resolving “${ask.subject}”!`;
  const messageField = field('Thank-you message', message, h('p', { class: 'hint' }, `Goes to ${server}.`));
  const more = h(
    'div',
    { class: 'rate-more', id: `${id}-more`, hidden: true },
    finer.communication.el,
    finer.responsiveness.el,
    finer.quality.el,
    field('Comment (optional)', comment).el,
  );
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'ghost disclosure',
      'aria-expanded': 'false',
      'aria-controls': more.id,
      onclick: () => {
        more.hidden = !more.hidden;
        toggle.setAttribute('aria-expanded', String(!more.hidden));
      },
    },
    icon(ChevronDown, 14),
    h('span', null, 'More detail'),
  );
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const rateOnly = h('button', { type: 'button', onclick: () => void rate(false) }, 'Rate only');
  const rateAndThank = h(
    'button',
    { type: 'button', class: 'primary', onclick: () => void rate(true) },
    icon(Heart),
    h('span', null, 'Rate and thank'),
  );
  const el = h(
    'section',
    { class: 'rate-card', 'aria-labelledby': `${id}-title`, 'data-ask-id': ask.id },
    h(
      'p',
      { class: 'rate-kicker' },
      `Resolved by ${server}`,
      ask.resolvedAt ? ` · ${relativeTime(ask.resolvedAt)}` : '',
    ),
    h('h3', { class: 'rate-title', id: `${id}-title`, tabindex: -1 }, ask.subject),
    overall.el,
    toggle,
    more,
    messageField.el,
    error,
    h('div', { class: 'rate-actions' }, rateOnly, rateAndThank),
  );

  function showError(text: string | null) {
    error.textContent = text ?? '';
    error.hidden = !text;
  }

  async function rate(thank: boolean) {
    showError(null);
    messageField.setError(null);
    const parsed = rateSchema.safeParse({
      overall: overall.value(),
      communication: finer.communication.value(),
      responsiveness: finer.responsiveness.value(),
      quality: finer.quality.value(),
      comment: comment.value,
      thanks: thank ? { message: message.value, values: [] } : undefined,
    });
    if (!parsed.success) {
      const paths = parsed.error.issues.map((i) => i.path.join('.'));
      if (paths.includes('overall')) {
        overall.setError('Choose 1 to 5 stars');
        return overall.focus();
      }
      const msg = parsed.error.issues.find((i) => i.path[0] === 'thanks');
      if (msg) {
        messageField.setError(msg.message);
        return message.focus();
      }
      return showError(parsed.error.issues[0].message);
    }
    for (const b of [rateOnly, rateAndThank]) b.disabled = true;
    try {
      const detail = await client.rate(ask.id, parsed.data, key.current());
      key.reset();
      onRated({ ask, detail, thanked: thank ? server : null });
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 409) return onRated({ ask, detail: null, thanked: null });
      showError(e instanceof Error ? e.message : String(e));
    } finally {
      for (const b of [rateOnly, rateAndThank]) b.disabled = false;
    }
  }

  return { el, focus: () => el.querySelector<HTMLElement>('.rate-title')?.focus() };
}
