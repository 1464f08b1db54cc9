import { useEffect, useRef } from 'preact/hooks';
import type { Ask } from '../../../shared/asks.ts';
import { type RatedEvent, ratingCard } from '../../components/rating-card.ts';
import type { Api } from '../../utils/api.ts';

interface RatingCardSlotProps {
  client: Api;
  ask: Ask;
  onRated(event: RatedEvent): void;
}

/**
 * "How did it go?" for a resolved ask, from the rating card's own factory, mounted once per ask so
 * stars and text chosen survive the detail's re-renders.
 */
// TODO [2026-09-01]: render the rating card's Preact component here once the lists slice has landed.
export function RatingCardSlot({ client, ask, onRated }: RatingCardSlotProps) {
  const slot = useRef<HTMLDivElement>(null);
  // The card keeps the first callback it was given: it calls the latest through this ref.
  const rated = useRef(onRated);
  rated.current = onRated;
  // One card per ask: later copies of the ask change nothing the card shows.
  useEffect(() => {
    const card = ratingCard(client, ask, (event) => rated.current(event));
    slot.current?.replaceChildren(card.el);
    return () => card.el.remove();
  }, [client, ask.id]);
  return <div class="rate-slot" ref={slot} />;
}
