import { useCallback, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { weekdays } from '../../../shared/settings.ts';
import { Field } from '../../ui/field.tsx';
import { Notices, reason, useNotice } from '../../ui/notices.tsx';
import { problemOf } from '../../ui/problems.ts';
import { useSettings } from './settings-context.ts';
import { useLoad } from './use-load.ts';

const keys = ['digest.day', 'digest.hour', 'digest.timeZone'] as const;
type Schedule = { day: (typeof weekdays)[number]; hour: string; timeZone: string };

/** Admin: the day, hour and time zone managers' weekly digests go out in (to the webhook each chose). */
export function DigestScheduleForm() {
  const { client, failed } = useSettings();
  const say = useNotice();
  const load = useCallback(
    () =>
      client
        .settings()
        .then(({ digest }): Schedule | null => (digest ? { ...digest, hour: String(digest.hour) } : null)),
    [client],
  );
  const form = useLoad(load, failed);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const values = form.value;
  if (!values) return null;
  const set = (key: keyof Schedule) => (e: { currentTarget: { value: string } }) =>
    form.setValue({ ...values, [key]: e.currentTarget.value });

  async function save(s: Schedule) {
    setErrors({});
    say.clear();
    try {
      const { digest } = await client.updateSettings({ digest: { ...s, hour: Number(s.hour) } });
      form.setValue({ ...digest, hour: String(digest.hour) });
      say.ok(i18n.t('webhooks.digest.saved'));
    } catch (e) {
      failed(e);
      const problem = problemOf(e, keys, i18n.t('webhooks.digest.saveFailed'));
      setErrors(problem.fields);
      say.fail(problem.alert || reason(e));
    }
  }

  return (
    <form
      class="card form"
      noValidate
      aria-labelledby="digest-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void save(values);
      }}
    >
      <h3 id="digest-heading">{i18n.t('webhooks.digest.heading')}</h3>
      <p class="hint">{i18n.t('webhooks.digest.lead')}</p>
      <div class="form-grid">
        <Field label={i18n.t('webhooks.digest.day')} error={errors['digest.day']}>
          <select id="digest-day" value={values.day} onChange={set('day')}>
            {weekdays.map((d) => (
              <option key={d} value={d}>
                {i18n.t(`webhooks.digest.${d}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={i18n.t('webhooks.digest.hour')} error={errors['digest.hour']}>
          <select id="digest-hour" value={values.hour} onChange={set('hour')}>
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={String(h)}>
                {`${String(h).padStart(2, '0')}:00`}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={i18n.t('webhooks.digest.timeZone')}
          error={errors['digest.timeZone']}
          hint={i18n.t('webhooks.digest.timeZoneHint')}
        >
          <input id="digest-zone" type="text" value={values.timeZone} onInput={set('timeZone')} spellcheck={false} />
        </Field>
      </div>
      <Notices id="digest" notice={say.notice} />
      <div class="actions">
        <button type="submit" id="digest-save" class="primary">
          {i18n.t('webhooks.digest.save')}
        </button>
      </div>
    </form>
  );
}
