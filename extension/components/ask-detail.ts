import './detail.css';
import { ArrowLeft } from 'lucide';
import type { Ask, AskDetail, AskStatus } from '../../shared/asks.ts';
import type { Department } from '../../shared/people.ts';
import { type Api, ApiProblem } from '../utils/api.ts';
import { askActions } from './ask-actions.ts';
import { askScreenshot } from './ask-screenshot.ts';
import { askBody, askClock, askFacts, askPills } from './ask-summary.ts';
import { askTimeline } from './ask-timeline.ts';
import { h, replace } from './h.ts';
import { icon } from './icon.ts';
import { type RatedEvent, ratingCard } from './rating-card.ts';
import { replyBox } from './reply-box.ts';

export interface DetailHandlers {
  back(): void;
  /** Something changed: lists and the badge should catch up. */
  changed(): void;
  /** The ask is out of reach now (forwarded away, or never visible): go back and say so. */
  gone(message: string): void;
  departments(): Promise<Department[]>;
  failed(e: unknown): void;
}

const announcements: Record<AskStatus, string> = {
  open: 'Reopened.',
  acknowledged: 'Acknowledged.',
  in_progress: 'Started.',
  waiting_on_requester: 'Waiting on the requester now.',
  resolved: 'Resolved.',
  declined: 'Declined.',
};

/** One ask: what it is about, where it stands, what happened, and what the reader may do with it. */
export function askDetailView(client: Api, meId: string, on: DetailHandlers) {
  let current: AskDetail | null = null;
  let wanted: string | null = null;
  let card: { askId: string; view: ReturnType<typeof ratingCard> } | null = null;

  const heading = h('h2', { class: 'detail-heading', id: 'ask-heading', tabindex: -1 });
  const pills = h('div');
  const status = h('p', { class: 'status', id: 'ask-status', role: 'status' });
  const error = h('p', { class: 'form-error', id: 'ask-error', role: 'alert', hidden: true });
  const rateSlot = h('div', { class: 'rate-slot' });
  const summary = h('div', { class: 'detail-summary' });
  const timeline = h('div');
  const actions = askActions({
    transition: (s, reason) =>
      run(announcements[s], () => client.transition(need().ask.id, reason ? { status: s, reason } : { status: s })),
    assign: (assigneeId) =>
      run(
        assigneeId ? `Assigned to ${need().actions.assignees.find((p) => p.id === assigneeId)?.name}.` : 'Unassigned.',
        () => client.assign(need().ask.id, assigneeId),
      ),
    forward: (departmentId, name, note) => forward(departmentId, name, note),
    departments: on.departments,
  });
  const reply = replyBox((body, key) => run('Reply sent.', () => client.reply(need().ask.id, body, key)));
  const back = h(
    'button',
    { type: 'button', class: 'ghost back', id: 'ask-back', onclick: () => on.back() },
    icon(ArrowLeft),
    h('span', null, 'Back'),
  );
  const el = h(
    'section',
    { class: 'detail', id: 'ask-detail', 'aria-labelledby': 'ask-heading', 'aria-busy': 'false' },
    back,
    heading,
    pills,
    status,
    error,
    summary,
    rateSlot,
    actions.el,
    actions.manage,
    timeline,
    reply.el,
  );

  const need = () => {
    if (!current) throw new Error('[tandem] [ask-detail] no ask loaded');
    return current;
  };

  function showError(e: unknown) {
    const text = e instanceof Error ? e.message : String(e);
    error.textContent =
      e instanceof ApiProblem && e.code === 'illegal_transition'
        ? `It changed in the meantime (${text}). Here is where it stands now.`
        : text;
    error.hidden = false;
  }

  async function run(message: string, call: () => Promise<AskDetail>) {
    error.hidden = true;
    status.textContent = '';
    try {
      render(await call());
      status.textContent = message;
      refocus();
      on.changed();
    } catch (e) {
      showError(e);
      if (e instanceof ApiProblem && e.status === 409) void reload();
      on.failed(e);
      throw e;
    }
  }

  /** The clicked button may have been replaced or disabled: put focus on the next step rather than lose it. */
  function refocus() {
    if (!el.contains(document.activeElement) && !actions.focusFirst()) heading.focus();
  }

  async function forward(departmentId: string, name: string, note: string) {
    const id = need().ask.id;
    error.hidden = true;
    try {
      await client.forward(id, departmentId, note);
    } catch (e) {
      showError(e);
      on.failed(e);
      throw e;
    }
    try {
      render(await client.ask(id));
      status.textContent = `Forwarded to ${name}.`;
      refocus();
    } catch {
      // Forwarded out of the reader's reach: nothing more to show here.
      if (wanted === id) on.gone(`Forwarded to ${name}. It is in their queue now.`);
    }
    on.changed();
  }

  function rated(event: RatedEvent) {
    status.textContent = event.thanked ? `Rated, and thanks sent to ${event.thanked}.` : 'Rated.';
    if (event.detail) render(event.detail);
    else void reload();
    heading.focus();
    on.changed();
  }

  function render(detail: AskDetail) {
    if (wanted && detail.ask.id !== wanted) return;
    current = detail;
    const { ask } = detail;
    heading.textContent = ask.subject;
    replace(pills, askPills(ask));
    replace(summary, askFacts(ask), askClock(ask), askBody(ask), askScreenshot(client, ask));
    replace(timeline, askTimeline(ask, detail.timeline));
    actions.render(detail, meId);
    reply.el.hidden = !detail.actions.canReply;
    if (!detail.actions.canRate) card = null;
    else if (card?.askId !== ask.id) card = { askId: ask.id, view: ratingCard(client, ask, rated) };
    replace(rateSlot, card?.view.el);
  }

  /** A skeleton from the list row while the full ask loads. */
  function preview(ask: Ask) {
    heading.textContent = ask.subject;
    replace(pills, askPills(ask));
    replace(summary, askFacts(ask));
    replace(timeline);
    replace(rateSlot);
    actions.el.hidden = true;
    actions.manage.hidden = true;
    reply.el.hidden = true;
  }

  async function reload() {
    const id = wanted;
    if (!id) return;
    el.setAttribute('aria-busy', 'true');
    try {
      render(await client.ask(id));
    } catch (e) {
      if (id !== wanted) return;
      if (e instanceof ApiProblem && e.status === 404) on.gone('That ask is no longer visible to you.');
      else showError(e);
      on.failed(e);
    } finally {
      el.setAttribute('aria-busy', 'false');
    }
  }

  return {
    el,
    currentId: () => wanted,
    /** The event sequence the shown ask is current at. */
    seq: () => current?.ask.updatedSeq ?? 0,
    /** Shows an ask: at once from what the list had, then in full. */
    open(from: Ask | AskDetail, notice = '') {
      const ask = 'ask' in from ? from.ask : from;
      if (wanted !== ask.id) {
        current = null;
        card = null;
      }
      wanted = ask.id;
      error.hidden = true;
      status.textContent = notice;
      if ('ask' in from) render(from);
      else preview(from);
      heading.focus();
      return 'ask' in from ? Promise.resolve() : reload();
    },
    close() {
      wanted = null;
      current = null;
    },
    reload,
  };
}
