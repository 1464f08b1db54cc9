import { ExternalLink } from 'lucide';
import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';
import type { Ask } from '../../../shared/asks.ts';
import { isWebUrl } from '../../../shared/web-pages.ts';
import { Icon } from '../../ui/icon.tsx';
import { importanceLabel, statusLabel } from '../../ui/labels.ts';
import { deadline, dueText, duration } from '../../utils/due.ts';
import { ImportancePill, Time } from './ask-time.tsx';

function Row({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Status and overdue, under the heading. */
export function AskPills({ ask }: { ask: Ask }) {
  return (
    <p class="detail-pills">
      <span class={`pill pill-${ask.status}`}>{statusLabel[ask.status]}</span>
      {ask.clock.overdue ? <span class="pill pill-overdue">{i18n.t('panel.lists.detail.overdue')}</span> : null}
    </p>
  );
}

/** Who, for whom, how important, by when, and about which page. */
export function AskFacts({ ask }: { ask: Ask }) {
  const page = ask.context && isWebUrl(ask.context.url) ? ask.context : null;
  return (
    <dl class="facts">
      <Row term={i18n.t('panel.lists.detail.to')}>
        <span translate={false}>{ask.to.name}</span>
      </Row>
      <Row term={i18n.t('panel.lists.detail.from')}>
        <span translate={false}>{ask.requester.name}</span> · <Time iso={ask.createdAt} />
      </Row>
      <Row term={i18n.t('panel.lists.detail.assignee')}>
        {ask.assignee ? <span translate={false}>{ask.assignee.name}</span> : i18n.t('panel.lists.unassigned')}
      </Row>
      <Row term={i18n.t('panel.lists.detail.importance')}>
        {ask.importance === 'high' || ask.importance === 'urgent' ? (
          <ImportancePill ask={ask} />
        ) : (
          importanceLabel[ask.importance]
        )}
      </Row>
      {ask.expectedBy ? (
        <Row term={i18n.t('panel.lists.detail.neededBy')}>
          <time dateTime={ask.expectedBy}>{new Date(`${ask.expectedBy}T12:00:00`).toLocaleDateString()}</time>
        </Row>
      ) : null}
      {page ? (
        <Row term={i18n.t('panel.lists.detail.page')}>
          <a class="detail-link" href={page.url} target="_blank" rel="noopener noreferrer">
            <span>{page.title || page.url}</span>
            <Icon node={ExternalLink} size={12} />
          </a>
        </Row>
      ) : null}
    </dl>
  );
}

interface ClockLineProps {
  label: string;
  done: number | null;
  dueAt: string | null;
  closed: boolean;
  now: number;
}

function ClockLine({ label, done, dueAt, closed, now }: ClockLineProps) {
  if (done !== null) return <Row term={label}>{i18n.t('panel.lists.detail.after', [duration(done)])}</Row>;
  if (!dueAt) return null;
  if (closed) return <Row term={label}>—</Row>;
  const due = dueText(dueAt, now);
  return (
    <Row term={label}>
      <span class={due.overdue ? 'due due-overdue' : 'due'}>{due.text}</span>{' '}
      <span class="deadline">
        (<time dateTime={dueAt}>{deadline(dueAt, now)}</time>)
      </span>
    </Row>
  );
}

/** The service clock against the department's standard (business hours), and how long it has waited. */
export function AskClock({ ask, now = Date.now() }: { ask: Ask; now?: number }) {
  const closed = ask.status === 'resolved' || ask.status === 'declined';
  const { clock } = ask;
  const shown =
    clock.firstResponseMs !== null ||
    clock.resolutionMs !== null ||
    clock.firstResponseDueAt !== null ||
    clock.resolutionDueAt !== null ||
    !closed ||
    clock.waitingMs > 0;
  if (!shown) return null;
  return (
    <section class="clock" aria-labelledby={`clock-${ask.id}`}>
      <h3 class="section-title" id={`clock-${ask.id}`}>
        {i18n.t('panel.lists.detail.service')}
      </h3>
      <dl class="facts">
        <ClockLine
          label={i18n.t('panel.lists.detail.firstResponse')}
          done={clock.firstResponseMs}
          dueAt={clock.firstResponseDueAt}
          closed={closed}
          now={now}
        />
        <ClockLine
          label={i18n.t('panel.lists.detail.resolution')}
          done={clock.resolutionMs}
          dueAt={clock.resolutionDueAt}
          closed={closed}
          now={now}
        />
        {closed ? null : (
          <Row term={i18n.t('panel.lists.detail.waiting')}>
            {i18n.t('panel.lists.detail.soFar', [duration(now - Date.parse(ask.createdAt))])}
          </Row>
        )}
        {clock.waitingMs > 0 ? (
          <Row term={i18n.t('panel.lists.detail.onRequester')}>
            {i18n.t('panel.lists.detail.notCounted', [duration(clock.waitingMs)])}
          </Row>
        ) : null}
      </dl>
    </section>
  );
}

/** What the requester wrote, and the text they had selected on the page. */
export function AskBody({ ask }: { ask: Ask }) {
  const selection = ask.context?.selection;
  if (!ask.details && !selection) return null;
  return (
    <div class="detail-body">
      {ask.details ? <p class="detail-details">{ask.details}</p> : null}
      {selection ? <blockquote class="context-selection">{selection}</blockquote> : null}
    </div>
  );
}
