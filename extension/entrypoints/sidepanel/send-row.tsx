import { Send } from 'lucide';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';

const mac = /Mac|iPhone|iPad/.test(navigator.userAgent);

/** The form's submit button, with the keyboard way to send beside it (it wraps under it when narrow). */
export function SendRow({ busy }: { busy: boolean }) {
  return (
    <div class="send-row">
      <span class="hint">{i18n.t(mac ? 'panel.compose.sendRow.shortcutMac' : 'panel.compose.sendRow.shortcut')}</span>
      <button id="send" type="submit" class="primary" disabled={busy}>
        <Icon node={Send} />
        <span>{i18n.t('panel.compose.sendRow.send')}</span>
      </button>
    </div>
  );
}
