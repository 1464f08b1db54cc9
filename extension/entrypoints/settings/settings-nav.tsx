import type { IconNode } from 'lucide';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';

export interface NavItem<K extends string> {
  key: K;
  label: string;
  icon: IconNode;
}

interface NavProps<K extends string> {
  groups: { label: string; items: NavItem<K>[] }[];
  current: K;
  select(key: K): void;
}

const moves: Record<string, (at: number, n: number) => number> = {
  ArrowDown: (at, n) => (at + 1) % n,
  ArrowUp: (at, n) => (at - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * The settings page's left navigation: plain buttons (Tab, Enter, Space), the current one marked with
 * aria-current; Up/Down arrows and Home/End move between them too.
 */
export function SettingsNav<K extends string>({ groups, current, select }: NavProps<K>) {
  const onKeyDown = (e: KeyboardEvent) => {
    const move = moves[e.key];
    const nav = e.currentTarget as HTMLElement;
    const list = [...nav.querySelectorAll<HTMLButtonElement>('button')];
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (!move || at < 0) return;
    e.preventDefault();
    list[move(at, list.length)].focus();
  };
  return (
    <nav class="settings-nav" aria-label={i18n.t('settings.page.navLabel')} onKeyDown={onKeyDown}>
      {groups.map((group, i) => (
        <div class="nav-group" key={group.label}>
          <p class="nav-group-label" id={`nav-group-${i}`}>
            {group.label}
          </p>
          <ul aria-labelledby={`nav-group-${i}`}>
            {group.items.map((item) => (
              <li key={item.key}>
                <button
                  type="button"
                  id={`nav-${item.key}`}
                  aria-current={item.key === current ? 'page' : undefined}
                  onClick={() => select(item.key)}
                >
                  <Icon node={item.icon} />
                  <span>{item.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
