// The rating card is a Preact component now (entrypoints/sidepanel/rating-card.tsx); the ask's detail,
// not yet Preact, mounts it through this factory.
export { type RatedEvent, ratingCard } from '../entrypoints/sidepanel/list-mounts.tsx';
