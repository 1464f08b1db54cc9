import { Bell, LogOut, Settings, Trophy } from 'lucide';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { Me } from '../../../shared/session.ts';
import { Icon } from '../../ui/icon.tsx';

const openPage = (url: string) => void browser.tabs.create({ url });

/** Who is signed in, where; the leaderboard for managers; notification preferences; settings; sign out. */
export function Topbar({ me, signOut, notifications }: { me: Me; signOut(): void; notifications(): void }) {
  const manager = me.person.role === 'manager' || me.person.role === 'admin';
  return (
    <header class="topbar">
      <div class="who" translate={false}>
        <p class="who-name" id="me-name">
          {me.person.name}
        </p>
        <p class="who-org" id="me-org">
          {me.org.name}
        </p>
      </div>
      {manager ? (
        <button
          type="button"
          id="open-leaderboard"
          class="ghost"
          onClick={() => openPage(browser.runtime.getURL('/leaderboard.html'))}
        >
          <Icon node={Trophy} />
          <span>{i18n.t('panel.topbar.leaderboard')}</span>
        </button>
      ) : null}
      <button
        type="button"
        id="open-notifications"
        class="icon-button"
        aria-label={i18n.t('notify.prefs.open')}
        title={i18n.t('notify.prefs.open')}
        onClick={notifications}
      >
        <Icon node={Bell} />
      </button>
      <button
        type="button"
        id="open-settings"
        class="icon-button"
        aria-label={i18n.t('panel.topbar.settings')}
        title={i18n.t('panel.topbar.settings')}
        onClick={() => openPage(browser.runtime.getURL('/settings.html'))}
      >
        <Icon node={Settings} />
      </button>
      <button
        type="button"
        id="sign-out"
        class="icon-button"
        aria-label={i18n.t('panel.topbar.signOut')}
        title={i18n.t('panel.topbar.signOut')}
        onClick={signOut}
      >
        <Icon node={LogOut} />
      </button>
    </header>
  );
}
