import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Field } from '../../ui/field.tsx';
import { problemOf } from '../../ui/problems.ts';
import type { DepartmentItem } from '../../utils/api.ts';
import { newIdempotencyKey } from '../../utils/idempotency-key.ts';
import type { CreatedWebhook, NewWebhookInput, WebhookItem } from '../../utils/webhooks-api.ts';
import { useSettings } from './settings-context.ts';
import { eventLabels, targetLabels } from './webhook-labels.ts';

const keys = ['name', 'target', 'url', 'departmentId', 'events'] as const;
type Event = WebhookItem['events'][number];

interface WebhookFormProps {
  departments: DepartmentItem[];
  created(webhook: CreatedWebhook): void;
}

/** Adds a webhook: its name, where it goes, for the organisation or one department, and which events. */
export function WebhookForm({ departments, created }: WebhookFormProps) {
  const { client, failed } = useSettings();
  const [form, setForm] = useState({ name: '', target: 'slack' as WebhookItem['target'], url: '', departmentId: '' });
  const [events, setEvents] = useState<Event[]>(['thank.public']);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState('');
  const [saving, setSaving] = useState(false);
  /** One key per webhook being added: a retried add is not a second webhook. */
  const key = useRef(newIdempotencyKey());
  const set = (field: keyof typeof form) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [field]: e.currentTarget.value });

  async function submit() {
    setErrors({});
    setAlert('');
    setSaving(true);
    try {
      const input: NewWebhookInput = { ...form, departmentId: form.departmentId || null, events };
      const webhook = await client.createWebhook(input, key.current);
      key.current = newIdempotencyKey();
      setForm({ name: '', target: form.target, url: '', departmentId: '' });
      created(webhook);
    } catch (e) {
      failed(e);
      const problem = problemOf(e, keys, i18n.t('webhooks.settings.addFailed'));
      setErrors(problem.fields);
      setAlert(problem.alert);
    } finally {
      setSaving(false);
    }
  }

  const labels = eventLabels();
  const targets = targetLabels();
  return (
    <form
      class="card form"
      noValidate
      aria-labelledby="webhook-add-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id="webhook-add-heading">{i18n.t('webhooks.settings.addHeading')}</h3>
      <div class="form-grid">
        <Field label={i18n.t('webhooks.settings.name')} error={errors.name}>
          <input id="webhook-name" type="text" maxLength={80} value={form.name} onInput={set('name')} />
        </Field>
        <Field label={i18n.t('webhooks.settings.target')} error={errors.target}>
          <select id="webhook-target" value={form.target} onChange={set('target')}>
            {Object.entries(targets).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={i18n.t('webhooks.settings.url')} error={errors.url} hint={i18n.t('webhooks.settings.urlHint')}>
          <input
            id="webhook-url"
            type="url"
            maxLength={2048}
            value={form.url}
            onInput={set('url')}
            spellcheck={false}
          />
        </Field>
        <Field label={i18n.t('webhooks.settings.scope')} error={errors.departmentId}>
          <select id="webhook-scope" value={form.departmentId} onChange={set('departmentId')}>
            <option value="">{i18n.t('webhooks.settings.wholeOrganisation')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id} translate={false}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset class="field" aria-describedby={errors.events ? 'webhook-events-error' : undefined}>
        <legend>{i18n.t('webhooks.settings.events')}</legend>
        {(Object.keys(labels) as Event[]).map((ev) => (
          <label key={ev} class="check">
            <input
              type="checkbox"
              checked={events.includes(ev)}
              onChange={(e) => setEvents(e.currentTarget.checked ? [...events, ev] : events.filter((x) => x !== ev))}
            />
            {labels[ev]}
          </label>
        ))}
        <p class="field-error" id="webhook-events-error" hidden={!errors.events}>
          {errors.events ?? ''}
        </p>
      </fieldset>
      <p class="form-error" role="alert" hidden={!alert}>
        {alert}
      </p>
      <div class="actions">
        <button type="submit" id="webhook-add" class="primary" disabled={saving}>
          {i18n.t('webhooks.settings.add')}
        </button>
      </div>
    </form>
  );
}
