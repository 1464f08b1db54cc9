import { RefreshCw } from 'lucide';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';

/** A list's Refresh: its icon spins while the list loads. */
export function RefreshButton({ id, loading, refresh }: { id: string; loading: boolean; refresh(): void }) {
  return (
    <button
      type="button"
      class={loading ? 'icon-button spinning' : 'icon-button'}
      id={id}
      aria-label={i18n.t('panel.lists.refresh')}
      onClick={refresh}
    >
      <Icon node={RefreshCw} />
    </button>
  );
}
