import { useCallback } from 'preact/hooks';
import { i18n } from '#i18n';
import { Field } from '../../ui/field.tsx';
import { Notices, reason, useNotice } from '../../ui/notices.tsx';
import { useSettings } from './settings-context.ts';
import { useLoad } from './use-load.ts';

/** Managers and admins: which of the organisation's digest webhooks gets their weekly digest, or none. */
export function MyDigestSection() {
  const { client, failed } = useSettings();
  const say = useNotice();
  const { fail } = say;
  const load = useCallback(() => client.myDigest(), [client]);
  const loadFailed = useCallback(
    (e: unknown) => {
      failed(e);
      fail(i18n.t('webhooks.mine.loadFailed', [reason(e)]));
    },
    [failed, fail],
  );
  const mine = useLoad(load, loadFailed);
  const value = mine.value;

  async function choose(webhookId: string | null) {
    say.clear();
    try {
      mine.setValue(await client.chooseDigest(webhookId));
      say.ok(i18n.t('webhooks.mine.saved'));
    } catch (e) {
      failed(e);
      say.fail(i18n.t('webhooks.mine.saveFailed', [reason(e)]));
    }
  }

  return (
    <section class="section" id="section-digest" aria-labelledby="my-digest-heading">
      <h2 id="my-digest-heading" tabIndex={-1}>
        {i18n.t('webhooks.mine.heading')}
      </h2>
      <p class="lead">{i18n.t('webhooks.mine.lead')}</p>
      {value ? (
        <div class="card form">
          {value.webhooks.length ? (
            <Field label={i18n.t('webhooks.mine.where')}>
              <select
                id="my-digest-webhook"
                value={value.webhookId ?? ''}
                onChange={(e) => void choose(e.currentTarget.value || null)}
              >
                <option value="">{i18n.t('webhooks.mine.nowhere')}</option>
                {value.webhooks.map((w) => (
                  <option key={w.id} value={w.id} translate={false}>
                    {w.name}
                  </option>
                ))}
              </select>
            </Field>
          ) : (
            <p class="empty">{i18n.t('webhooks.mine.noneOffered')}</p>
          )}
        </div>
      ) : null}
      <Notices id="my-digest" notice={say.notice} />
    </section>
  );
}
