import { useCallback, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Field } from '../../ui/field.tsx';
import { Notices, reason, useNotice } from '../../ui/notices.tsx';
import { problemOf } from '../../ui/problems.ts';
import { DigestScheduleForm } from './digest-schedule-form.tsx';
import { useSettings } from './settings-context.ts';
import { useLoad } from './use-load.ts';

const keys = ['limits.writesPerMinute', 'limits.thanksPerRecipientPerDay'] as const;

/** Admin: the organisation's rate limits. */
export function LimitsSection() {
  const { client, failed } = useSettings();
  const say = useNotice();
  const { fail } = say;
  const load = useCallback(
    () =>
      client.settings().then(({ limits }) => ({
        writes: String(limits.writesPerMinute),
        thanks: String(limits.thanksPerRecipientPerDay),
      })),
    [client],
  );
  const loadFailed = useCallback(
    (e: unknown) => {
      failed(e);
      fail(i18n.t('settings.limits.loadFailed', [reason(e)]));
    },
    [failed, fail],
  );
  const form = useLoad(load, loadFailed);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const values = form.value;

  async function send() {
    if (!values) return;
    setErrors({});
    say.clear();
    setSaving(true);
    try {
      const { limits } = await client.updateSettings({
        limits: { writesPerMinute: Number(values.writes), thanksPerRecipientPerDay: Number(values.thanks) },
      });
      form.setValue({ writes: String(limits.writesPerMinute), thanks: String(limits.thanksPerRecipientPerDay) });
      say.ok(i18n.t('settings.limits.saved'));
    } catch (e) {
      failed(e);
      const problem = problemOf(e, keys, i18n.t('settings.limits.saveFailed'));
      setErrors(problem.fields);
      say.fail(problem.alert);
    } finally {
      setSaving(false);
    }
  }

  const number = (id: string, value: string | undefined, set: (v: string) => void) => (
    <input
      id={id}
      type="number"
      min={1}
      max={100000}
      step={1}
      required
      value={value ?? ''}
      onInput={(e) => set(e.currentTarget.value)}
    />
  );
  const set = (key: 'writes' | 'thanks') => (v: string) => values && form.setValue({ ...values, [key]: v });

  return (
    <section class="section" id="section-limits" aria-labelledby="limits-heading">
      <h2 id="limits-heading" tabIndex={-1}>
        {i18n.t('settings.limits.heading')}
      </h2>
      <p class="lead">{i18n.t('settings.limits.lead')}</p>
      <form
        class="card form"
        noValidate
        aria-labelledby="limits-heading"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <div class="form-grid">
          <Field
            label={i18n.t('settings.limits.writes')}
            error={errors['limits.writesPerMinute']}
            hint={i18n.t('settings.limits.writesHint')}
          >
            {number('limit-writes', values?.writes, set('writes'))}
          </Field>
          <Field
            label={i18n.t('settings.limits.thanks')}
            error={errors['limits.thanksPerRecipientPerDay']}
            hint={i18n.t('settings.limits.thanksHint')}
          >
            {number('limit-thanks', values?.thanks, set('thanks'))}
          </Field>
        </div>
        <Notices id="limits" notice={say.notice} />
        <div class="actions">
          <button type="submit" id="limits-save" class="primary" disabled={saving || !values}>
            {i18n.t('settings.limits.save')}
          </button>
        </div>
      </form>
      <DigestScheduleForm />
    </section>
  );
}
