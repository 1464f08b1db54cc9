import { CircleCheck, Star, X } from 'lucide';
import { Fragment } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Ask } from '../../../shared/asks.ts';
import { Icon } from '../../ui/icon.tsx';
import type { Api } from '../../utils/api.ts';
import { CauseSlot } from './cause-slot.tsx';
import { type RatedEvent, RatingCard, ratedText } from './rating-card.tsx';

interface Done {
  ask: Ask;
  text: string;
  /** Where its card stood, so the confirmation stays there once the ask leaves the list. */
  index: number;
  /** Rated 2 or less: the optional cause is asked under the confirmation until tapped or skipped. */
  askCause: boolean;
}

interface ToRateProps {
  client: Api;
  asks: Ask[];
  rated(event: RatedEvent): void;
  /** Where focus goes when the last confirmation is dismissed. */
  leave(): void;
}

/**
 * Resolved asks to rate, first in the inbox. A rated card turns into its confirmation in the same
 * place (focus moves to it, nothing below jumps up under the pointer) until the person dismisses it;
 * the next refresh, which no longer lists the ask, leaves it where it is.
 */
export function ToRate({ client, asks, rated, leave }: ToRateProps) {
  const [done, setDone] = useState<Done[]>([]);
  const rows: (Ask | Done)[] = asks.filter((a) => !done.some((d) => d.ask.id === a.id));
  for (const d of [...done].sort((a, b) => a.index - b.index)) rows.splice(Math.min(d.index, rows.length), 0, d);
  if (!rows.length) return null;

  const confirm = (event: RatedEvent) => {
    const index = rows.findIndex((r) => ('text' in r ? r.ask : r).id === event.ask.id);
    const low = event.overall !== null && event.overall <= 2 && event.ask.to.kind === 'department';
    setDone((all) => [...all, { ask: event.ask, text: ratedText(event), index, askCause: low }]);
    rated(event);
  };
  const causeDone = (id: string, given: unknown) => {
    if (given !== null) return;
    setDone((all) => all.map((d) => (d.ask.id === id ? { ...d, askCause: false } : d)));
    // Skipped: focus goes back to the confirmation it stood under, not to the page's start.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-rated="${CSS.escape(id)}"]`)?.focus());
  };
  const dismiss = (id: string) => {
    setDone((all) => all.filter((d) => d.ask.id !== id));
    leave();
  };

  return (
    <section class="to-rate" id="inbox-to-rate" aria-labelledby="to-rate-heading">
      <h3 class="section-title" id="to-rate-heading">
        <Icon node={Star} size={14} />
        <span>{i18n.t('panel.lists.toRate')}</span>
      </h3>
      {rows.map((r) =>
        'text' in r ? (
          <Fragment key={r.ask.id}>
            <RatedNote id={r.ask.id} text={r.text} dismiss={() => dismiss(r.ask.id)} />
            {r.askCause ? (
              <CauseSlot client={client} askId={r.ask.id} done={(given) => causeDone(r.ask.id, given)} />
            ) : null}
          </Fragment>
        ) : (
          <RatingCard key={r.id} client={client} ask={r} onRated={confirm} />
        ),
      )}
    </section>
  );
}

/** The confirmation a card turns into; it takes focus as it appears, without scrolling the panel. */
function RatedNote({ id, text, dismiss }: { id: string; text: string; dismiss(): void }) {
  const note = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    note.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div class="rate-done" role="status" tabIndex={-1} ref={note} data-rated={id}>
      <Icon node={CircleCheck} />
      <p>{text}</p>
      <button
        type="button"
        class="icon-button"
        aria-label={i18n.t('panel.lists.dismiss')}
        title={i18n.t('panel.lists.dismiss')}
        onClick={dismiss}
      >
        <Icon node={X} />
      </button>
    </div>
  );
}
