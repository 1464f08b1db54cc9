import type { IconNode } from 'lucide';
import { ArrowRightLeft, CircleCheck, CircleDot, CirclePlus, Eye, Heart, MessageSquare, Star, UserRound } from 'lucide';
import type { Ask, TimelineEntry } from '../../shared/asks.ts';
import { time } from './ask-item.ts';
import { h } from './h.ts';
import { icon } from './icon.ts';
import { transitionVerb } from './labels.ts';

const icons: Record<TimelineEntry['type'], IconNode> = {
  created: CirclePlus,
  status: CircleDot,
  reply: MessageSquare,
  assigned: UserRound,
  forwarded: ArrowRightLeft,
  rated: Star,
  thanked: Heart,
  followed: Eye,
};

/** One line saying what happened, without the actor's name (shown first, in bold). */
function what(entry: TimelineEntry, ask: Ask, firstTo: string): string {
  switch (entry.type) {
    case 'created':
      return `asked ${entry.to?.name ?? firstTo}`;
    case 'status':
      if (!entry.status) return 'changed the status';
      // The requester answering while it waited on them sets it going again.
      if (entry.status === 'in_progress' && entry.actor?.id === ask.requester.id) return 'answered: back in progress';
      if (entry.status === 'resolved' && entry.actor?.id === ask.requester.id) return 'closed it';
      return transitionVerb[entry.status];
    case 'reply':
      return entry.actor?.id === ask.requester.id ? 'replied (requester)' : 'replied';
    case 'assigned':
      if (!entry.assignee) return 'unassigned it';
      return entry.assignee.id === entry.actor?.id ? 'took it' : `assigned it to ${entry.assignee.name}`;
    case 'forwarded':
      return `forwarded from ${entry.from?.name ?? 'another department'} to ${entry.to?.name ?? 'another department'}`;
    case 'rated':
      return 'rated it';
    case 'thanked':
      return entry.to ? `thanked ${entry.to.name}` : 'said thank you';
    case 'followed':
      return 'followed it';
  }
}

/** The rating's stars as text ("4 of 5 stars"), from the ask since timeline entries carry no numbers. */
function ratingNote(ask: Ask): string | null {
  if (!ask.rating) return null;
  const { overall, communication, responsiveness, quality } = ask.rating;
  const parts = [`${overall} of 5 stars`];
  if (communication) parts.push(`communication ${communication}`);
  if (responsiveness) parts.push(`responsiveness ${responsiveness}`);
  if (quality) parts.push(`quality ${quality}`);
  return parts.join(' · ');
}

function entryItem(entry: TimelineEntry, ask: Ask, firstTo: string): HTMLLIElement {
  const text = entry.type === 'reply' || entry.type === 'thanked' ? entry.body : (entry.reason ?? entry.body);
  const stars = entry.type === 'rated' ? ratingNote(ask) : null;
  const done = entry.type === 'status' && entry.status === 'resolved';
  return h(
    'li',
    { class: `event event-${entry.type}${done ? ' event-resolved' : ''}` },
    h('span', { class: 'event-icon' }, icon(done ? CircleCheck : icons[entry.type], 14)),
    h(
      'div',
      { class: 'event-main' },
      h(
        'p',
        { class: 'event-line' },
        h('strong', null, entry.actor?.name ?? 'Tandem'),
        ` ${what(entry, ask, firstTo)}`,
        h('span', { class: 'event-time' }, ' · ', time(entry.at)),
      ),
      stars ? h('p', { class: 'event-note' }, stars) : null,
      entry.type === 'rated' && ask.rating?.comment ? h('p', { class: 'event-body' }, ask.rating.comment) : null,
      text
        ? h(
            'p',
            { class: entry.type === 'reply' ? 'event-body' : 'event-note' },
            entry.type === 'status' && entry.status === 'declined' ? `Reason: ${text}` : text,
          )
        : null,
    ),
  );
}

/** Everything that happened to the ask, oldest first, as the ledger recorded it. */
export function askTimeline(ask: Ask, entries: TimelineEntry[]): HTMLElement {
  // Forwarding changes `ask.to`: whom it was first asked of is where the first forward came from.
  const firstTo = entries.find((e) => e.type === 'forwarded')?.from?.name ?? ask.to.name;
  return h(
    'section',
    { class: 'timeline', 'aria-labelledby': `timeline-${ask.id}` },
    h('h3', { class: 'section-title', id: `timeline-${ask.id}` }, 'Activity'),
    h(
      'ol',
      { class: 'events' },
      entries.map((e) => entryItem(e, ask, firstTo)),
    ),
  );
}
