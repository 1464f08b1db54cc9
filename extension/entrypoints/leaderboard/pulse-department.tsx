import { i18n } from '#i18n';
import type { DepartmentPulseResult, PulseAdminApi, PulseItem } from '../../utils/pulse-api.ts';
import { instantDay, num } from './format.ts';
import { ActionList, PulseActionsForm } from './pulse-actions-form.tsx';
import { AskRatingsBeside } from './pulse-ask-ratings.tsx';
import { GapChart } from './pulse-gap-chart.tsx';
import { GapHistory } from './pulse-gap-history.tsx';

interface Props {
  api: PulseAdminApi;
  pulse: PulseItem;
  result: DepartmentPulseResult;
  threshold: number;
}

/** Why a department's results are not shown, in words that say the rule is there to protect people. */
function hiddenText(r: DepartmentPulseResult, pulse: PulseItem, threshold: number) {
  if (r.hidden === 'open') return i18n.t('leaderboard.pulses.hiddenOpen', [instantDay(pulse.closesAt)]);
  return i18n.t('leaderboard.pulses.hiddenFew', [
    i18n.t('leaderboard.pulses.answered', r.respondents ?? 0, [num(r.respondents ?? 0)]),
    num(threshold),
  ]);
}

/** One department's results in a pulse: the gap chart, the ratings beside it, its history, comments, changes. */
export function PulseDepartmentCard({ api, pulse, result: r, threshold }: Props) {
  const id = `pulse-${r.departmentId}`;
  const count =
    r.respondents === null
      ? i18n.t('leaderboard.pulses.asked', r.audience, [num(r.audience)])
      : i18n.t('leaderboard.pulses.answeredOf', [num(r.respondents), num(r.audience)]);
  return (
    <section class="card pulse-department" id={id} aria-labelledby={`${id}-title`}>
      <div class="card-header">
        <h2 id={`${id}-title`} translate={false}>
          {r.name}
        </h2>
        <span class="pulse-count">{count}</span>
      </div>
      {r.hidden ? (
        <p class="empty" id={`${id}-hidden`}>
          {hiddenText(r, pulse, threshold)}
        </p>
      ) : (
        <>
          <GapChart
            id={`${id}-gap`}
            name={r.name}
            file={`tandem-pulse-${r.name}-${pulse.closesAt.slice(0, 10)}`}
            dimensions={r.dimensions}
          />
          <AskRatingsBeside ratings={r.askRatings} />
          <GapHistory id={`${id}-history`} history={r.history} />
          {r.comments.length ? (
            <section class="pulse-comments" aria-labelledby={`${id}-comments`}>
              <h3 id={`${id}-comments`}>
                {i18n.t('leaderboard.pulses.comments', r.comments.length, [num(r.comments.length)])}
              </h3>
              <ul translate={false}>
                {r.comments.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
      {r.canRecordActions ? (
        <PulseActionsForm api={api} pulseId={pulse.id} result={r} />
      ) : r.actions.length ? (
        <ActionList id={`${id}-actions`} title={i18n.t('leaderboard.pulses.actionsTitle')} actions={r.actions} />
      ) : null}
      {r.previousActions.length ? (
        <ActionList
          id={`${id}-previous`}
          title={i18n.t('leaderboard.pulses.previousActions')}
          actions={r.previousActions}
        />
      ) : null}
    </section>
  );
}
