import { ArrowLeft } from 'lucide';
import type { Ref } from 'preact';
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Ask, AskStatus, AskDetail as Detail } from '../../../shared/asks.ts';
import type { Department } from '../../../shared/people.ts';
import { Icon } from '../../ui/icon.tsx';
import { Notices, reason, useNotice } from '../../ui/notices.tsx';
import { type Api, ApiProblem } from '../../utils/api.ts';
import { AskActions } from './ask-actions.tsx';
import { AskManage } from './ask-manage.tsx';
import { AskScreenshot } from './ask-screenshot.tsx';
import { AskBody, AskClock, AskFacts, AskPills } from './ask-summary.tsx';
import { AskTimeline } from './ask-timeline.tsx';
import { pageOfMembers } from './assignee-picker.tsx';
import { CauseSlot } from './cause-slot.tsx';
import type { RatedEvent } from './rating-card.tsx';
import { focusRatingCard, RatingCard } from './rating-card.tsx';
import { ReplyBox } from './reply-box.tsx';
import { useAskLoad } from './use-ask-load.ts';

export interface DetailHandlers {
  back(): void;
  /** Something changed: lists and the badge should catch up. */
  changed(): void;
  /** The ask is out of reach now (forwarded away, or never visible): go back and say so. */
  gone(message: string): void;
  departments(): Promise<Department[]>;
  failed(e: unknown): void;
}

/** What the panel asks of the shown ask from outside: where it stands, and to fetch it again. */
export interface ShownAsk {
  /** The event sequence the shown ask is current at; 0 while only the list's copy is shown. */
  seq(): number;
  reload(): void;
}

export interface AskDetailProps {
  client: Api;
  meId: string;
  on: DetailHandlers;
  /** The list's row (shown at once, then fetched in full) or the full ask. */
  from: Ask | Detail;
  /** Said on opening, as a status line. */
  notice: string;
  /** Opened to rate it ("Rate and thank"): its rating card takes focus once it shows. */
  rateFirst?: boolean;
  control: Ref<ShownAsk>;
}

const announcements: Record<AskStatus, string> = {
  open: i18n.t('panel.lists.detail.reopened'),
  acknowledged: i18n.t('panel.lists.detail.acknowledged'),
  in_progress: i18n.t('panel.lists.detail.started'),
  waiting_on_requester: i18n.t('panel.lists.detail.waitingOnRequester'),
  resolved: i18n.t('panel.lists.detail.resolved'),
  declined: i18n.t('panel.lists.detail.declined'),
};

/** Departments that had the ask: a forward to one of them is a bounce (as the server counts it). */
function hadIt(detail: Detail | null, ask: Ask): Set<string> {
  const forwards = (detail?.timeline ?? []).flatMap((t) => (t.type === 'forwarded' ? [t] : []));
  const ids = forwards.flatMap((t) => [t.from?.id, t.to?.id]);
  return new Set(
    [...(forwards.length ? ids : [ask.to.kind === 'department' ? ask.to.id : undefined])].filter(Boolean) as string[],
  );
}

/** The optional cause after a step of the reader's; `then` holds what waits for it (a bounce's reload). */
interface CauseAsked {
  /** Each step's chooser is a new one. */
  n: number;
  then?: () => void;
}

const problemText = (e: unknown) =>
  e instanceof ApiProblem && e.code === 'illegal_transition'
    ? i18n.t('panel.lists.detail.changedMeanwhile', [e.message])
    : reason(e);

/**
 * One ask: what it is about, where it stands, what happened, and what the reader may do with it.
 * Mounted once per ask (keyed by its id): an answer about an ask no longer shown lands nowhere.
 */
export function AskDetail({ client, meId, on, from, notice, rateFirst = false, control }: AskDetailProps) {
  const full = 'ask' in from ? from : null;
  const [detail, setDetail] = useState<Detail | null>(full);
  /** Where focus goes after a change: the heading, or the next natural step. A new object each time. */
  const [focus, setFocus] = useState<{ to: 'heading' | 'next' } | null>(null);
  const [cause, setCause] = useState<CauseAsked | null>(null);
  const say = useNotice();
  const { ok, fail, clear } = say;
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** Set by an opening to rate ("Rate and thank") until the rating card has taken focus. */
  const rateWanted = useRef(false);
  const firstAction = useRef<HTMLButtonElement | null>(null);
  const ask = detail?.ask ?? ('ask' in from ? from.ask : from);
  const id = ask.id;
  const load = useAskLoad(client, id, {
    loaded(next, { forwardedTo }) {
      setDetail(next);
      if (!forwardedTo) return;
      ok(i18n.t('panel.lists.detail.forwardedTo', [forwardedTo]));
      setFocus({ to: 'next' });
      on.changed();
    },
    failed(e, { forwardedTo }) {
      if (forwardedTo) {
        // Forwarded out of the reader's reach: nothing more to show here.
        on.gone(i18n.t('panel.lists.detail.forwardedAway', [forwardedTo]));
        on.changed();
        return;
      }
      if (e instanceof ApiProblem && e.status === 404) on.gone(i18n.t('panel.lists.detail.gone'));
      else fail(problemText(e));
      on.failed(e);
    },
  });
  const reload = () => load.request();

  useImperativeHandle(control, () => ({ seq: () => detail?.ask.updatedSeq ?? 0, reload }), [detail]);

  // Opened (or opened again): say what the opener had to say, put focus on the heading, and fetch it.
  // Once per opening, which `from` marks (a new object each time), before anything else can happen.
  useLayoutEffect(() => {
    if (notice) ok(notice);
    else clear();
    heading.current?.focus();
    rateWanted.current = rateFirst;
    if ('ask' in from) setDetail(from);
    else load.request();
  }, [from]);

  useEffect(() => {
    if (!focus) return;
    // The clicked button may have gone or been disabled: put focus on the next step rather than lose it.
    if (focus.to === 'heading') heading.current?.focus();
    else if (!section.current?.contains(document.activeElement)) (firstAction.current ?? heading.current)?.focus();
  }, [focus]);

  async function run(message: string, call: () => Promise<Detail>) {
    clear();
    try {
      setDetail(await call());
      ok(message);
      setFocus({ to: 'next' });
      on.changed();
    } catch (e) {
      fail(problemText(e));
      if (e instanceof ApiProblem && e.status === 409) reload();
      on.failed(e);
      throw e;
    }
  }

  async function forward(departmentId: string, name: string, note: string) {
    const bounce = hadIt(detail, ask).has(departmentId);
    clear();
    try {
      await client.forward(id, departmentId, note);
    } catch (e) {
      fail(problemText(e));
      on.failed(e);
      throw e;
    }
    // Back to a department that had it: a bounce, whose cause is asked before the ask may leave the reader's hands.
    if (bounce) {
      ok(i18n.t('panel.lists.detail.forwardedTo', [name]));
      askCause(() => load.request({ forwardedTo: name }));
    } else load.request({ forwardedTo: name });
  }

  // Causes are counted per department pair: an ask to a person is asked none (the server takes none for it).
  const askCause = (then?: () => void) =>
    ask.to.kind === 'department' ? setCause((c) => ({ n: (c?.n ?? 0) + 1, then })) : then?.();
  /** Tapped: the chooser says so and stays; skipped: it goes. Either way a bounce's reload goes ahead. */
  function causeDone(given: unknown) {
    const then = cause?.then;
    setCause(given === null ? null : (c) => c && { n: c.n });
    if (then) then();
    else if (given === null) setFocus({ to: 'next' });
  }

  function rated(event: RatedEvent) {
    ok(event.thanked ? i18n.t('panel.lists.detail.ratedThanked', [event.thanked]) : i18n.t('panel.lists.detail.rated'));
    if (event.detail) setDetail(event.detail);
    else reload();
    setFocus({ to: 'heading' });
    if (event.overall !== null && event.overall <= 2) askCause();
    on.changed();
  }

  const actions = detail?.actions;
  // The card renders with the full detail, a render or a request after the opening: focus it when it is there.
  useEffect(() => {
    if (!rateWanted.current || !actions?.canRate) return;
    rateWanted.current = false;
    focusRatingCard(section.current);
  }, [actions?.canRate, from]);
  return (
    <section
      class="detail"
      id="ask-detail"
      ref={section}
      aria-labelledby="ask-heading"
      aria-busy={load.busy ? 'true' : 'false'}
    >
      <button type="button" class="ghost back" id="ask-back" onClick={() => on.back()}>
        <Icon node={ArrowLeft} />
        <span>{i18n.t('panel.lists.detail.back')}</span>
      </button>
      <h2 class="detail-heading" id="ask-heading" translate={false} tabIndex={-1} ref={heading}>
        {ask.subject}
      </h2>
      <AskPills ask={ask} />
      <Notices id="ask" notice={say.notice} />
      {cause ? <CauseSlot key={cause.n} client={client} askId={id} done={causeDone} /> : null}
      <div class="detail-summary">
        <AskFacts ask={ask} />
        {detail ? (
          <>
            <AskClock ask={ask} />
            <AskBody ask={ask} />
            <AskScreenshot client={client} ask={ask} />
          </>
        ) : null}
      </div>
      {actions?.canRate ? <RatingCard key={ask.id} client={client} ask={ask} onRated={rated} /> : null}
      {actions && !cause?.then ? (
        <AskActions
          transitions={actions.transitions}
          mine={ask.requester.id === meId}
          firstButton={firstAction}
          onTransition={async (status, why) => {
            const was = ask.status;
            await run(announcements[status], () => client.transition(id, why ? { status, reason: why } : { status }));
            const reopened = status === 'open' && (was === 'resolved' || was === 'declined');
            if (status === 'declined' || reopened) askCause();
          }}
        />
      ) : null}
      {detail && !cause?.then ? (
        <AskManage
          detail={detail}
          departments={on.departments}
          searchAssignees={async (q) => (await client.assignees(id, q, pageOfMembers)).people}
          onAssign={(assigneeId, name) =>
            run(
              assigneeId ? i18n.t('panel.lists.detail.assignedTo', [name]) : i18n.t('panel.lists.detail.unassigned'),
              () => client.assign(id, assigneeId),
            )
          }
          onForward={forward}
        />
      ) : null}
      {detail ? <AskTimeline ask={ask} entries={detail.timeline} /> : null}
      {actions?.canReply && !cause?.then ? (
        <ReplyBox
          onSend={(body, key) => run(i18n.t('panel.lists.detail.replySent'), () => client.reply(id, body, key))}
        />
      ) : null}
    </section>
  );
}
