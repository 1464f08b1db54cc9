import type { IconNode } from 'lucide';
import { ArrowRightLeft, CircleCheck, CircleDot, CirclePlus, Eye, Heart, MessageSquare, Star, UserRound } from 'lucide';
import type { Ask, TimelineEntry } from '../../../shared/asks.ts';
import { Icon } from '../../ui/icon.tsx';
import { transitionVerb } from '../../ui/labels.ts';
import { Time } from './ask-time.tsx';

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

function Entry({ entry, ask, firstTo }: { entry: TimelineEntry; ask: Ask; firstTo: string }) {
  const text = entry.type === 'reply' || entry.type === 'thanked' ? entry.body : (entry.reason ?? entry.body);
  const stars = entry.type === 'rated' ? ratingNote(ask) : null;
  const done = entry.type === 'status' && entry.status === 'resolved';
  return (
    <li class={`event event-${entry.type}${done ? ' event-resolved' : ''}`}>
      <span class="event-icon">
        <Icon node={done ? CircleCheck : icons[entry.type]} size={14} />
      </span>
      <div class="event-main">
        <p class="event-line">
          <strong>{entry.actor?.name ?? 'Tandem'}</strong> {what(entry, ask, firstTo)}
          <span class="event-time">
            {' · '}
            <Time iso={entry.at} />
          </span>
        </p>
        {stars ? <p class="event-note">{stars}</p> : null}
        {entry.type === 'rated' && ask.rating?.comment ? <p class="event-body">{ask.rating.comment}</p> : null}
        {text ? (
          <p class={entry.type === 'reply' ? 'event-body' : 'event-note'}>
            {entry.type === 'status' && entry.status === 'declined' ? `Reason: ${text}` : text}
          </p>
        ) : null}
      </div>
    </li>
  );
}

/** Everything that happened to the ask, oldest first, as the ledger recorded it. */
export function AskTimeline({ ask, entries }: { ask: Ask; entries: TimelineEntry[] }) {
  // Forwarding changes `ask.to`: whom it was first asked of is where the first forward came from.
  const firstTo = entries.find((e) => e.type === 'forwarded')?.from?.name ?? ask.to.name;
  return (
    <section class="timeline" aria-labelledby={`timeline-${ask.id}`}>
      <h3 class="section-title" id={`timeline-${ask.id}`}>
        Activity
      </h3>
      <ol class="events">
        {entries.map((e) => (
          <Entry key={`${e.seq}:${e.type}`} entry={e} ask={ask} firstTo={firstTo} />
        ))}
      </ol>
    </section>
  );
}
