import { useCallback, useState } from 'preact/hooks';
import { Field } from '../../ui/field.tsx';
import { Notices, reason, useNotice } from '../../ui/notices.tsx';
import { problemOf } from '../../ui/problems.ts';
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
      fail(`Could not load the limits: ${reason(e)}`);
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
      say.ok('Limits saved. They apply from the next request.');
    } catch (e) {
      failed(e);
      const problem = problemOf(e, keys, 'Could not save the limits');
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
        Limits
      </h2>
      <p class="lead">Limits keep a runaway script or an over-eager colleague from flooding everyone.</p>
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
            label="Writes per minute"
            error={errors['limits.writesPerMinute']}
            hint="Asks, thanks, replies and changes one person may make in a minute."
          >
            {number('limit-writes', values?.writes, set('writes'))}
          </Field>
          <Field
            label="Thanks per recipient per day"
            error={errors['limits.thanksPerRecipientPerDay']}
            hint="Thank-yous one person may send the same colleague or department in a day."
          >
            {number('limit-thanks', values?.thanks, set('thanks'))}
          </Field>
        </div>
        <Notices id="limits" notice={say.notice} />
        <div class="actions">
          <button type="submit" id="limits-save" class="primary" disabled={saving || !values}>
            Save
          </button>
        </div>
      </form>
    </section>
  );
}
