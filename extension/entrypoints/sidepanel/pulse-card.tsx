import { Send } from 'lucide';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { type PulseDimension, pulseDimensions, pulseLimits } from '../../../shared/pulses.ts';
import { charCount, tooLong } from '../../ui/char-count.tsx';
import { Field } from '../../ui/field.tsx';
import { Icon } from '../../ui/icon.tsx';
import { reason } from '../../ui/notices.tsx';
import { ApiProblem, composeKey } from '../../utils/api.ts';
import type { MyPulsesResult, PendingPulse, PulseApi } from '../../utils/pulse-api.ts';
import { dismissedPulsesItem } from '../../utils/storage.ts';
import { PulseChangesCard } from './pulse-changes.tsx';
import { PulseResultsReadyCard } from './pulse-results-ready.tsx';
import { PulseScale } from './pulse-scale.tsx';

export interface PulseCardsProps {
  api: PulseApi;
  /** Whose dismissals count (storage.local is shared by every account signed in on this browser). */
  account: string;
  mine: MyPulsesResult;
}

type Scale = 'expectation' | 'perception';
type Chosen = Partial<Record<`${PulseDimension}.${Scale}`, number>>;

const dimensionText: Record<PulseDimension, [string, string]> = {
  communication: [i18n.t('pulseCard.communication'), i18n.t('pulseCard.communicationHint')],
  productivity: [i18n.t('pulseCard.productivity'), i18n.t('pulseCard.productivityHint')],
  responsiveness: [i18n.t('pulseCard.responsiveness'), i18n.t('pulseCard.responsivenessHint')],
  quality: [i18n.t('pulseCard.quality'), i18n.t('pulseCard.qualityHint')],
};
const scaleText: Record<Scale, string> = {
  expectation: i18n.t('pulseCard.expectation'),
  perception: i18n.t('pulseCard.perception'),
};
const scales: Scale[] = ['expectation', 'perception'];
/** The eight scales in the order they are shown: dimension by dimension, what matters before how they did. */
const slots = pulseDimensions.flatMap((d) => scales.map((s) => `${d}.${s}` as const));

const changesKey = (c: { pulseId: string; departmentId: string }) => `${c.pulseId}/${c.departmentId}`;
/** How many dismissals an account keeps: far more than the changes the server ever sends at once. */
const keepDismissed = 100;

/** The pulse cards waiting for the person, then what departments changed after earlier pulses (until dismissed). */
export function PulseCards({ api, account, mine }: PulseCardsProps) {
  // Nothing shows until the dismissals are read: a dismissed card never flashes back.
  const [dismissed, setDismissed] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    void dismissedPulsesItem.getValue().then((all) => live && setDismissed(all[account] ?? []));
    return () => {
      live = false;
    };
  }, [account]);
  async function dismiss(key: string) {
    setDismissed((d) => [...(d ?? []), key]);
    const all = await dismissedPulsesItem.getValue();
    const kept = [...(all[account] ?? []).filter((k) => k !== key), key].slice(-keepDismissed);
    await dismissedPulsesItem.setValue({ ...all, [account]: kept });
  }
  if (!dismissed) return null;
  const changes = mine.changes.filter((c) => !dismissed.includes(changesKey(c)));
  // Dismissed apart from the changes of the same pulse and department (a member may see both, in time).
  const ready = mine.results.filter((r) => !dismissed.includes(`ready:${changesKey(r)}`));
  return (
    <div class="pulse-cards">
      {mine.pending.map((p) => (
        <PulseCard key={changesKey(p)} api={api} pulse={p} threshold={mine.threshold} />
      ))}
      {changes.map((c) => (
        <PulseChangesCard key={changesKey(c)} changes={c} dismiss={() => void dismiss(changesKey(c))} />
      ))}
      {ready.map((r) => (
        <PulseResultsReadyCard
          key={`ready:${changesKey(r)}`}
          ready={r}
          dismiss={() => void dismiss(`ready:${changesKey(r)}`)}
        />
      ))}
    </div>
  );
}

const dateText = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

type Outcome = 'sent' | 'already' | 'skipped' | 'skippedForGood';
const outcomeText: Record<Exclude<Outcome, 'sent'>, string> = {
  already: i18n.t('pulseCard.already'),
  skipped: i18n.t('pulseCard.skipped'),
  skippedForGood: i18n.t('pulseCard.skippedForGood'),
};

/** One department to rate: four dimensions, each on two 7-point scales, an optional comment, Send or Skip. */
export function PulseCard({ api, pulse, threshold }: { api: PulseApi; pulse: PendingPulse; threshold: number }) {
  const id = useId();
  const [key] = useState(composeKey);
  const [chosen, setChosen] = useState<Chosen>({});
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const groups = useRef<Partial<Record<string, HTMLDivElement | null>>>({});
  const done = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    if (outcome) done.current?.focus();
  }, [outcome]);

  const missing = slots.filter((s) => chosen[s] === undefined);
  const commentError = tooLong(comment, pulseLimits.comment);
  const missingText = (slot: (typeof slots)[number]) => {
    const [dimension, scale] = slot.split('.') as [PulseDimension, Scale];
    return [
      i18n.t('pulseCard.missing', [dimensionText[dimension][0], scaleText[scale]]),
      missing.length > 1 ? i18n.t('pulseCard.missingCount', [missing.length]) : '',
    ]
      .filter(Boolean)
      .join(' ');
  };

  async function answer() {
    setTried(true);
    setError(null);
    const [first] = missing;
    if (first) {
      // The line under the card says which scale is still open (kept current as the person chooses).
      return groups.current[first]?.querySelector('input')?.focus();
    }
    if (commentError) return document.getElementById(`${id}-comment`)?.focus();
    const ratings = Object.fromEntries(
      pulseDimensions.map((d) => [
        d,
        { expectation: chosen[`${d}.expectation`] as number, perception: chosen[`${d}.perception`] as number },
      ]),
    ) as Record<PulseDimension, { expectation: number; perception: number }>;
    const text = comment.trim();
    setBusy(true);
    try {
      await api.answer(
        pulse.pulseId,
        { departmentId: pulse.departmentId, ratings, ...(text ? { comment: text } : {}) },
        key.current(),
      );
      key.reset();
      setOutcome('sent');
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 409) return setOutcome('already');
      setError(i18n.t('pulseCard.failed', [reason(e)]));
    } finally {
      setBusy(false);
    }
  }

  async function skip() {
    setError(null);
    setBusy(true);
    try {
      const { remindAt } = await api.skip(pulse.pulseId, pulse.departmentId);
      setOutcome(remindAt ? 'skipped' : 'skippedForGood');
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 409) return setOutcome('already');
      setError(i18n.t('pulseCard.skipFailed', [reason(e)]));
    } finally {
      setBusy(false);
    }
  }

  if (outcome) {
    return (
      <p class="pulse-done" role="status" tabIndex={-1} ref={done}>
        {outcome === 'sent' ? i18n.t('pulseCard.thanks', [threshold]) : outcomeText[outcome]}
      </p>
    );
  }
  const closes = dateText(pulse.closesAt);
  const shownError = error ?? (tried && missing[0] ? missingText(missing[0]) : null);
  return (
    <section class="pulse-card" aria-labelledby={`${id}-title`} aria-describedby={`${id}-lead`}>
      <p class="pulse-kicker">
        {pulse.reminder ? i18n.t('pulseCard.reminder', [closes]) : i18n.t('pulseCard.closes', [closes])}
      </p>
      <h3 class="pulse-title" id={`${id}-title`}>
        {i18n.t('pulseCard.question', [pulse.departmentName])}
      </h3>
      <p class="pulse-lead" id={`${id}-lead`}>
        {i18n.t('pulseCard.lead')}
      </p>
      {pulseDimensions.map((d) => (
        <fieldset key={d} class="pulse-dimension">
          <legend>
            <span class="pulse-dimension-name">{dimensionText[d][0]}</span>
            <span class="pulse-dimension-hint">{dimensionText[d][1]}</span>
          </legend>
          {scales.map((s) => {
            const slot = `${d}.${s}` as const;
            return (
              <PulseScale
                key={s}
                label={i18n.t('pulseCard.scaleLabel', [dimensionText[d][0], scaleText[s]])}
                shown={scaleText[s]}
                value={chosen[slot]}
                invalid={tried && chosen[slot] === undefined}
                groupRef={(el) => {
                  groups.current[slot] = el;
                }}
                onChange={(n) => setChosen((c) => ({ ...c, [slot]: n }))}
              />
            );
          })}
        </fieldset>
      ))}
      <Field
        label={i18n.t('pulseCard.comment')}
        hint={charCount(comment, pulseLimits.comment) ?? i18n.t('pulseCard.commentHint')}
        error={commentError}
      >
        <textarea id={`${id}-comment`} rows={2} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      </Field>
      <p class="form-error" role="alert" hidden={!shownError}>
        {shownError ?? ''}
      </p>
      <div class="pulse-buttons">
        <button type="button" class="ghost" disabled={busy} onClick={() => void skip()}>
          {i18n.t('pulseCard.skip')}
        </button>
        <button type="button" class="primary" disabled={busy} onClick={() => void answer()}>
          <Icon node={Send} />
          <span>{i18n.t('pulseCard.send')}</span>
        </button>
      </div>
    </section>
  );
}
