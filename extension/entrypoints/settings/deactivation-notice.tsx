import { i18n } from '#i18n';
import { andList, num } from '../../utils/format.ts';
import type { DeactivationPreview } from './use-deactivation-preview.ts';

/** Names shown before "and N more": enough to recognise the file is the right one. */
const shown = 5;

/** What "deactivate people not in this file" would do, said before the admin confirms the import. */
export function DeactivationNotice({ preview }: { preview: DeactivationPreview }) {
  if (preview.state === 'off') return null;
  const text = (() => {
    if (preview.state === 'checking') return i18n.t('deactivateMissing.checking');
    if (preview.state === 'failed') return i18n.t('deactivateMissing.checkFailed', [preview.message]);
    const { deactivated, deactivatedPeople } = preview.result;
    if (!deactivated) return i18n.t('deactivateMissing.none');
    const names = deactivatedPeople.slice(0, shown).map((p) => p.name);
    const rest = deactivated - names.length;
    const listed = andList(rest > 0 ? [...names, i18n.t('deactivateMissing.more', rest, [num(rest)])] : names);
    return i18n.t('deactivateMissing.some', deactivated, [num(deactivated), listed]);
  })();
  const warn = preview.state === 'failed' || (preview.state === 'ready' && preview.result.deactivated > 0);
  return (
    <p id="import-deactivation" aria-live="polite" class={warn ? 'deactivation-notice warn' : 'deactivation-notice'}>
      {text}
    </p>
  );
}
