import { Building2, User, X } from 'lucide';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';
import type { DirectoryItem } from '../../utils/api.ts';

/** The picked recipients, each with a button that removes it. */
export function RecipientChips({ picked, remove }: { picked: DirectoryItem[]; remove(entry: DirectoryItem): void }) {
  return (
    <ul class="chips" aria-label={i18n.t('panel.compose.picker.recipients')} hidden={picked.length === 0}>
      {picked.map((entry) => (
        <li class="chip" key={`${entry.kind}:${entry.id}`}>
          <Icon node={entry.kind === 'person' ? User : Building2} size={14} />
          <span class="chip-name" translate={false}>
            {entry.name}
          </span>
          <button
            type="button"
            class="chip-remove"
            aria-label={i18n.t('panel.compose.picker.remove', [entry.name])}
            onClick={() => remove(entry)}
          >
            <Icon node={X} size={14} />
          </button>
        </li>
      ))}
    </ul>
  );
}
