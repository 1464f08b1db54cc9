import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Department } from '../../../shared/people.ts';
import { pulseLimits } from '../../../shared/pulses.ts';
import { CheckboxGroup } from '../../ui/checkbox-group.tsx';
import { Field } from '../../ui/field.tsx';
import { problemOf } from '../../ui/problems.ts';
import { newIdempotencyKey } from '../../utils/idempotency-key.ts';
import type { OpenPulseInput, PulseAdminApi, PulseItem } from '../../utils/pulse-api.ts';

interface Props {
  api: PulseAdminApi;
  departments: Department[];
  /** Opened (the new pulse), or cancelled (null). */
  done(opened: PulseItem | null): void;
}

const keys = ['departmentIds', 'audience', 'closesAt', 'repeat'] as const;
const day = 86_400_000;
/** A date input's value for a day from now, in the person's own calendar. */
const localDay = (t: number) => {
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * Opens a pulse: which departments, who is asked, when it closes (the end of that day, the person's time), and
 * whether it opens again every quarter.
 */
export function PulseOpenForm({ api, departments, done }: Props) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [audience, setAudience] = useState<'everyone' | 'askedWithin'>('everyone');
  const [days, setDays] = useState('90');
  const [closes, setCloses] = useState(() => localDay(Date.now() + 14 * day));
  const [quarterly, setQuarterly] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState('');
  const [saving, setSaving] = useState(false);
  // One key per pulse being opened: a retried submit is not a second pulse.
  const key = useRef(newIdempotencyKey());

  async function submit() {
    setErrors({});
    setAlert('');
    // The end of the chosen day where the person is: "closes on the 15th" includes the 15th.
    const closesAt = new Date(`${closes}T23:59:00`);
    const input: OpenPulseInput = {
      departmentIds: chosen,
      audience: audience === 'everyone' ? { kind: 'everyone' } : { kind: 'askedWithin', days: Number(days) },
      closesAt: Number.isNaN(closesAt.getTime()) ? closes : closesAt.toISOString(),
      repeat: quarterly ? 'quarterly' : 'none',
    };
    setSaving(true);
    try {
      done(await api.open(input, key.current));
    } catch (e) {
      const problem = problemOf(e, keys, i18n.t('leaderboard.pulses.openFailed'));
      setErrors(problem.fields);
      setAlert(problem.alert);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      class="card pulse-form"
      noValidate
      aria-labelledby="pulse-open-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="pulse-open-heading">{i18n.t('leaderboard.pulses.open')}</h2>
      <p class="table-caption">{i18n.t('leaderboard.pulses.openLead')}</p>
      <CheckboxGroup
        legend={i18n.t('leaderboard.pulses.departments')}
        options={departments.map((d) => ({ value: d.id, label: d.name }))}
        checked={chosen}
        onChange={(ids) => {
          setChosen(ids.slice(0, pulseLimits.departments));
          // A chosen department answers "choose at least one": the line goes with its cause.
          setErrors(({ departmentIds: _, ...rest }) => rest);
        }}
        error={errors.departmentIds}
      />
      <fieldset class="checks" aria-describedby={errors.audience ? 'pulse-audience-error' : undefined}>
        <legend>{i18n.t('leaderboard.pulses.audience')}</legend>
        <div class="check">
          <input
            type="radio"
            id="pulse-audience-everyone"
            name="pulse-audience"
            checked={audience === 'everyone'}
            onChange={() => setAudience('everyone')}
          />
          <label for="pulse-audience-everyone">{i18n.t('leaderboard.pulses.audienceEveryoneChoice')}</label>
        </div>
        <div class="check">
          <input
            type="radio"
            id="pulse-audience-asked"
            name="pulse-audience"
            checked={audience === 'askedWithin'}
            onChange={() => setAudience('askedWithin')}
          />
          <label for="pulse-audience-asked">{i18n.t('leaderboard.pulses.audienceAskedChoice')}</label>
          <input
            type="number"
            id="pulse-audience-days"
            class="days"
            min={1}
            max={pulseLimits.askedWithinDays}
            value={days}
            disabled={audience !== 'askedWithin'}
            aria-label={i18n.t('leaderboard.pulses.days')}
            onInput={(e) => {
              setDays(e.currentTarget.value);
              setErrors(({ audience: _, ...rest }) => rest);
            }}
          />
          <span aria-hidden="true">{i18n.t('leaderboard.pulses.daysUnit')}</span>
        </div>
        <p class="field-error" id="pulse-audience-error" hidden={!errors.audience}>
          {errors.audience ?? ''}
        </p>
      </fieldset>
      <div class="pulse-form-row">
        <Field label={i18n.t('leaderboard.pulses.closesOn')} error={errors.closesAt}>
          <input
            id="pulse-closes"
            type="date"
            min={localDay(Date.now())}
            value={closes}
            onInput={(e) => {
              setCloses(e.currentTarget.value);
              setErrors(({ closesAt: _, ...rest }) => rest);
            }}
          />
        </Field>
        <div class="check">
          <input
            type="checkbox"
            id="pulse-quarterly"
            checked={quarterly}
            onChange={(e) => setQuarterly(e.currentTarget.checked)}
          />
          <label for="pulse-quarterly">{i18n.t('leaderboard.pulses.repeatQuarterly')}</label>
        </div>
      </div>
      <p class="form-error" role="alert" hidden={!alert}>
        {alert}
      </p>
      <div class="form-actions">
        <button type="button" class="ghost" onClick={() => done(null)}>
          {i18n.t('leaderboard.pulses.cancel')}
        </button>
        <button type="submit" id="pulse-open-submit" class="primary" disabled={saving}>
          {i18n.t('leaderboard.pulses.openSubmit')}
        </button>
      </div>
    </form>
  );
}
