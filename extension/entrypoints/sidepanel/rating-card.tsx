import './rating-card.css';
import { ChevronDown, Heart, MessageSquare } from 'lucide';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Ask } from '../../../shared/asks.ts';
import { limits } from '../../../shared/limits.ts';
import { Field } from '../../ui/field.tsx';
import { Icon } from '../../ui/icon.tsx';
import { reason } from '../../ui/notices.tsx';
import { type Api, ApiProblem, type AskDetailResult, composeKey } from '../../utils/api.ts';
import { validate } from '../../utils/validation.ts';
import { Time } from './ask-time.tsx';
import { StarRating } from './star-rating.tsx';
import { useAutoGrow } from './use-auto-grow.ts';
import { useHelperReply } from './use-helper-reply.ts';

export interface RatedEvent {
  ask: Ask;
  /** The ask after rating; null when the server said it was already rated. */
  detail: AskDetailResult | null;
  /** Who the thank-you went to, when one was sent. */
  thanked: string | null;
  /** The overall stars given; null when the server said it was already rated. */
  overall: number | null;
}

/** What happened, in a sentence: the confirmation in place of the card, and the announcement. */
export const ratedText = (e: RatedEvent) =>
  e.detail === null
    ? i18n.t('panel.lists.alreadyRated', [e.ask.subject])
    : e.thanked
      ? i18n.t('panel.lists.ratedThanked', [e.ask.subject, e.thanked])
      : i18n.t('panel.lists.rated', [e.ask.subject]);

type Finer = 'communication' | 'responsiveness' | 'quality';
const finerLabels: [Finer, string][] = [
  ['communication', i18n.t('panel.lists.communication')],
  ['responsiveness', i18n.t('panel.lists.responsiveness')],
  ['quality', i18n.t('panel.lists.quality')],
];

interface RatingCardProps {
  client: Api;
  ask: Ask;
  onRated(event: RatedEvent): void;
  /** Filled in with `focus()` (the card's title), for a host outside Preact. */
  handle?: { focus?(): void };
}

/**
 * "How did it go?" for a resolved ask: what the helper said last, overall stars (one click), an
 * optional thank-you prefilled (the second click sends both), and a disclosure for the finer ratings
 * and a comment.
 */
/**
 * The rating card's title within `root`, focused and scrolled to the top of the view ("Rate and thank"). Within
 * the ask shown: the inbox behind it has rating cards of its own.
 */
export function focusRatingCard(root: HTMLElement | null): void {
  const title = root?.querySelector<HTMLElement>('.rate-card .rate-title');
  title?.focus();
  title?.scrollIntoView({ block: 'start' });
}

export function RatingCard({ client, ask, onRated, handle }: RatingCardProps) {
  const id = useId();
  const [key] = useState(composeKey);
  const server = ask.resolvedBy?.name ?? ask.to.name;
  const reply = useHelperReply(client, ask);
  const [overall, setOverall] = useState<number>();
  const [finer, setFiner] = useState<Partial<Record<Finer, number>>>({});
  const [comment, setComment] = useState('');
  const [message, setMessage] = useState(() => i18n.t('panel.lists.thanksFor', [ask.subject]));
  const [more, setMore] = useState(false);
  const [errors, setErrors] = useState<{ overall?: string; message?: string; form?: string }>({});
  const [starFocus, setStarFocus] = useState<object | null>(null);
  const [busy, setBusy] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  const messageBox = useRef<HTMLTextAreaElement>(null);
  useAutoGrow(messageBox, message);
  useLayoutEffect(() => {
    if (handle) handle.focus = () => title.current?.focus();
  }, [handle]);

  async function rate(thank: boolean) {
    setErrors({});
    setBusy(true);
    try {
      const checked = await validate<Parameters<Api['rate']>[1]>('rate', {
        overall,
        ...finer,
        comment,
        thanks: thank ? { message, values: [] } : undefined,
      });
      if (!checked.ok) {
        const [path, first] = Object.entries(checked.fields)[0] ?? ['', i18n.t('panel.lists.checkRating')];
        if ('overall' in checked.fields) {
          setErrors({ overall: i18n.t('panel.lists.chooseStars') });
          return setStarFocus({});
        }
        if (path.startsWith('thanks')) {
          setErrors({ message: first });
          return messageBox.current?.focus();
        }
        return setErrors({ form: first });
      }
      const detail = await client.rate(ask.id, checked.data, key.current());
      key.reset();
      onRated({ ask, detail, thanked: thank ? server : null, overall: checked.data.overall });
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 409)
        return onRated({ ask, detail: null, thanked: null, overall: null });
      setErrors({ form: reason(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="rate-card" aria-labelledby={`${id}-title`}>
      <p class="rate-kicker">
        {i18n.t('panel.lists.resolvedBy', [server])}
        {ask.resolvedAt ? (
          <>
            {' · '}
            <Time iso={ask.resolvedAt} />
          </>
        ) : null}
      </p>
      <h3 class="rate-title" id={`${id}-title`} translate={false} tabIndex={-1} ref={title} title={ask.subject}>
        {ask.subject}
      </h3>
      {reply ? (
        <figure class="rate-reply">
          <figcaption class="rate-reply-who">
            <Icon node={MessageSquare} size={14} />
            <span>{i18n.t('panel.lists.said', [reply.name])}</span>
          </figcaption>
          <blockquote class="rate-reply-body" translate={false}>
            {reply.body}
          </blockquote>
        </figure>
      ) : null}
      <StarRating
        label={i18n.t('panel.lists.overall')}
        required
        value={overall}
        error={errors.overall}
        focus={starFocus}
        onChange={(n) => {
          setOverall(n);
          setErrors((e) => ({ ...e, overall: undefined }));
        }}
      />
      <button
        type="button"
        class="ghost disclosure"
        aria-expanded={more ? 'true' : 'false'}
        aria-controls={`${id}-more`}
        onClick={() => setMore(!more)}
      >
        <Icon node={ChevronDown} size={14} />
        <span>{i18n.t('panel.lists.moreDetail')}</span>
      </button>
      <div class="rate-more" id={`${id}-more`} hidden={!more}>
        {finerLabels.map(([k, label]) => (
          <StarRating key={k} label={label} small value={finer[k]} onChange={(n) => setFiner({ ...finer, [k]: n })} />
        ))}
        <Field label={i18n.t('panel.lists.commentOptional')}>
          <textarea
            id={`${id}-comment`}
            rows={2}
            maxLength={limits.ratingComment}
            value={comment}
            onInput={(e) => setComment(e.currentTarget.value)}
          />
        </Field>
      </div>
      <Field
        label={i18n.t('panel.lists.thankYouMessage')}
        hint={i18n.t('panel.lists.goesTo', [server])}
        error={errors.message}
      >
        <textarea
          id={`${id}-message`}
          ref={messageBox}
          class="auto-grow"
          rows={2}
          maxLength={limits.thankMessage}
          value={message}
          onInput={(e) => setMessage(e.currentTarget.value)}
        />
      </Field>
      <p class="form-error" role="alert" hidden={!errors.form}>
        {errors.form ?? ''}
      </p>
      <div class="rate-actions">
        <button type="button" disabled={busy} onClick={() => void rate(false)}>
          {i18n.t('panel.lists.rateOnly')}
        </button>
        <button type="button" class="primary" disabled={busy} onClick={() => void rate(true)}>
          <Icon node={Heart} />
          <span>{i18n.t('panel.lists.rateAndThank')}</span>
        </button>
      </div>
    </section>
  );
}
