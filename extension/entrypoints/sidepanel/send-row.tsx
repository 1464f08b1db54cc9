import { Send } from 'lucide';
import { Icon } from '../../ui/icon.tsx';

const shortcut = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘ Enter to send' : 'Ctrl+Enter to send';

/** The form's submit button, with the keyboard way to send beside it (it wraps under it when narrow). */
export function SendRow({ busy }: { busy: boolean }) {
  return (
    <div class="send-row">
      <span class="hint">{shortcut}</span>
      <button id="send" type="submit" class="primary" disabled={busy}>
        <Icon node={Send} />
        <span>Send</span>
      </button>
    </div>
  );
}
