import { useCallback, useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Notices, reason, useNotice } from '../../ui/notices.tsx';
import type { DepartmentItem } from '../../utils/api.ts';
import type { CreatedWebhook } from '../../utils/webhooks-api.ts';
import { CopyField } from './copy-field.tsx';
import { useSettings } from './settings-context.ts';
import { useLoad } from './use-load.ts';
import { WebhookCard } from './webhook-card.tsx';
import { WebhookForm } from './webhook-form.tsx';

/**
 * Admin: outbound webhooks. Add one (its signing secret shown once, to copy), see each with its state and
 * why it was paused, pause or resume it, send a test, remove it, and read its recent deliveries (Resend).
 */
export function WebhooksSection() {
  const { client, failed, departments } = useSettings();
  const say = useNotice();
  const { fail } = say;
  const load = useCallback(() => client.webhooks().then((r) => r.webhooks), [client]);
  const loadFailed = useCallback(
    (e: unknown) => {
      failed(e);
      fail(i18n.t('webhooks.settings.loadFailed', [reason(e)]));
    },
    [failed, fail],
  );
  const list = useLoad(load, loadFailed);
  const [known, setKnown] = useState<DepartmentItem[]>([]);
  const [secret, setSecret] = useState<CreatedWebhook | null>(null);
  useEffect(() => {
    departments.get().then(setKnown, loadFailed);
  }, [departments, loadFailed]);

  async function act(request: () => Promise<unknown>, done: string) {
    say.clear();
    try {
      await request();
      await list.reload();
      say.ok(done);
    } catch (e) {
      failed(e);
      say.fail(i18n.t('webhooks.settings.actionFailed', [reason(e)]));
    }
  }

  return (
    <section class="section" id="section-webhooks" aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading" tabIndex={-1}>
        {i18n.t('webhooks.settings.heading')}
      </h2>
      <p class="lead">{i18n.t('webhooks.settings.lead')}</p>
      <WebhookForm
        departments={known}
        created={(w) => {
          setSecret(w);
          say.ok(i18n.t('webhooks.settings.added', [w.name]));
          void list.reload();
        }}
      />
      {secret ? (
        <section class="card" aria-labelledby="webhook-secret-heading">
          <h3 id="webhook-secret-heading">{i18n.t('webhooks.settings.secretHeading', [secret.name])}</h3>
          <p class="hint">{i18n.t('webhooks.settings.secretLead')}</p>
          <CopyField
            id="webhook-secret"
            label={i18n.t('webhooks.settings.secretLabel')}
            value={secret.secret}
            copyLabel={i18n.t('webhooks.settings.copy')}
            focusFirst
          />
          <div class="actions">
            <button type="button" onClick={() => setSecret(null)}>
              {i18n.t('webhooks.settings.done')}
            </button>
          </div>
        </section>
      ) : null}
      <Notices id="webhooks" notice={say.notice} />
      <div aria-busy={list.busy || undefined}>
        {list.value?.length === 0 ? <p class="empty">{i18n.t('webhooks.settings.none')}</p> : null}
        {(list.value ?? []).map((w) => (
          <WebhookCard
            key={w.id}
            webhook={w}
            say={say}
            setState={(state) =>
              void act(
                () => client.updateWebhook(w.id, { state }),
                i18n.t(state === 'active' ? 'webhooks.settings.resumed' : 'webhooks.settings.pausedNamed', [w.name]),
              )
            }
            test={() => void act(() => client.testWebhook(w.id), i18n.t('webhooks.settings.testSent', [w.name]))}
            remove={() => void act(() => client.deleteWebhook(w.id), i18n.t('webhooks.settings.removed', [w.name]))}
          />
        ))}
      </div>
    </section>
  );
}
