import { useCallback, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Notices, reason, useNotice } from '../../ui/notices.tsx';
import { useSettings } from './settings-context.ts';
import { useLoad } from './use-load.ts';

/** The person's own choice to stay off recognition boards (thanks still reach them). */
export function BoardsSection() {
  const { client, failed } = useSettings();
  const say = useNotice();
  const { fail } = say;
  const load = useCallback(() => client.me().then((me) => me.preferences.boardOptOut), [client]);
  const loadFailed = useCallback(
    (e: unknown) => {
      failed(e);
      fail(i18n.t('settings.boards.loadFailed', [reason(e)]));
    },
    [failed, fail],
  );
  const optOut = useLoad(load, loadFailed);
  const [saving, setSaving] = useState(false);

  async function save(checked: boolean) {
    setSaving(true);
    optOut.setValue(checked);
    try {
      const me = await client.updateMe({ boardOptOut: checked });
      optOut.setValue(me.preferences.boardOptOut);
      say.ok(me.preferences.boardOptOut ? i18n.t('settings.boards.optedOut') : i18n.t('settings.boards.optedIn'));
    } catch (e) {
      optOut.setValue(!checked);
      failed(e);
      say.fail(i18n.t('settings.boards.saveFailed', [reason(e)]));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section class="section" id="section-boards" aria-labelledby="boards-heading">
      <h2 id="boards-heading" tabIndex={-1}>
        {i18n.t('settings.boards.heading')}
      </h2>
      <p class="hint">{i18n.t('settings.boards.hint')}</p>
      <div class="check">
        <input
          type="checkbox"
          id="board-opt-out"
          checked={optOut.value ?? false}
          disabled={saving || optOut.value === null}
          onChange={(e) => void save(e.currentTarget.checked)}
        />
        <label for="board-opt-out">{i18n.t('settings.boards.optOut')}</label>
      </div>
      <Notices id="boards" notice={say.notice} />
    </section>
  );
}
