import type { IconNode } from 'lucide';
import { ArrowRightLeft, CircleCheck, CircleDot, CirclePlus, Eye, Heart, MessageSquare, Star, UserRound } from 'lucide';
import { i18n } from '#i18n';
import type { Ask, AskStatus, TimelineEntry } from '../../../shared/asks.ts';
import { Icon } from '../../ui/icon.tsx';
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

/** Stands for the actor's name in a sentence, where it is shown in bold. */
const actor = '\u0001';

const statusLine: Record<AskStatus, () => string> = {
  open: () => i18n.t('panel.lists.timeline.reopened', [actor]),
  acknowledged: () => i18n.t('panel.lists.timeline.acknowledged', [actor]),
  in_progress: () => i18n.t('panel.lists.timeline.started', [actor]),
  waiting_on_requester: () => i18n.t('panel.lists.timeline.askedRequester', [actor]),
  resolved: () => i18n.t('panel.lists.timeline.resolved', [actor]),
  declined: () => i18n.t('panel.lists.timeline.declined', [actor]),
};

/** One sentence saying what happened, with `actor` where the actor's name goes. */
function what(entry: TimelineEntry, ask: Ask, firstTo: string): string {
  const t = i18n.t;
  const other = () => t('panel.lists.timeline.anotherDepartment');
  switch (entry.type) {
    case 'created':
      return t('panel.lists.timeline.asked', [actor, entry.to?.name ?? firstTo]);
    case 'status':
      if (!entry.status) return t('panel.lists.timeline.changedStatus', [actor]);
      // The requester answering while it waited on them sets it going again.
      if (entry.status === 'in_progress' && entry.actor?.id === ask.requester.id) {
        return t('panel.lists.timeline.backInProgress', [actor]);
      }
      if (entry.status === 'resolved' && entry.actor?.id === ask.requester.id) {
        return t('panel.lists.timeline.closed', [actor]);
      }
      return statusLine[entry.status]();
    case 'reply':
      return entry.actor?.id === ask.requester.id
        ? t('panel.lists.timeline.repliedRequester', [actor])
        : t('panel.lists.timeline.replied', [actor]);
    case 'assigned':
      if (!entry.assignee) return t('panel.lists.timeline.unassigned', [actor]);
      return entry.assignee.id === entry.actor?.id
        ? t('panel.lists.timeline.took', [actor])
        : t('panel.lists.timeline.assigned', [actor, entry.assignee.name]);
    case 'forwarded':
      return t('panel.lists.timeline.forwarded', [actor, entry.from?.name ?? other(), entry.to?.name ?? other()]);
    case 'rated':
      return t('panel.lists.timeline.rated', [actor]);
    case 'thanked':
      return entry.to
        ? t('panel.lists.timeline.thankedWhom', [actor, entry.to.name])
        : t('panel.lists.timeline.thanked', [actor]);
    case 'followed':
      return t('panel.lists.timeline.followed', [actor]);
  }
}

/** A sentence with the actor's name in bold where the translation put it. */
function Sentence({ text, name }: { text: string; name: string }) {
  const [before, after = ''] = text.split(actor);
  return (
    <>
      {before}
      <strong translate={false}>{name}</strong>
      {after}
    </>
  );
}

/** The rating's stars as text ("4 of 5 stars"), from the ask since timeline entries carry no numbers. */
function ratingNote(ask: Ask): string | null {
  if (!ask.rating) return null;
  const { overall, communication, responsiveness, quality } = ask.rating;
  const parts = [i18n.t('panel.lists.timeline.starsOf5', [overall])];
  if (communication) parts.push(i18n.t('panel.lists.timeline.communication', [communication]));
  if (responsiveness) parts.push(i18n.t('panel.lists.timeline.responsiveness', [responsiveness]));
  if (quality) parts.push(i18n.t('panel.lists.timeline.quality', [quality]));
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
          <Sentence
            text={what(entry, ask, firstTo)}
            name={entry.actor?.name ?? i18n.t('panel.lists.timeline.tandem')}
          />
          <span class="event-time">
            {' · '}
            <Time iso={entry.at} />
          </span>
        </p>
        {stars ? <p class="event-note">{stars}</p> : null}
        {entry.type === 'rated' && ask.rating?.comment ? (
          <p class="event-body" translate={false}>
            {ask.rating.comment}
          </p>
        ) : null}
        {text ? (
          <p class={entry.type === 'reply' ? 'event-body' : 'event-note'} translate={false}>
            {entry.type === 'status' && entry.status === 'declined'
              ? i18n.t('panel.lists.timeline.reason', [text])
              : text}
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
        {i18n.t('panel.lists.timeline.activity')}
      </h3>
      <ol class="events">
        {entries.map((e) => (
          <Entry key={`${e.seq}:${e.type}`} entry={e} ask={ask} firstTo={firstTo} />
        ))}
      </ol>
    </section>
  );
}
