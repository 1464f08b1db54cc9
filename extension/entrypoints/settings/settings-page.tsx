import './settings-forms.css';
import './settings-lists.css';
import { Award, Building2, Gauge, KeyRound, Newspaper, Sparkles, Upload, Users, Webhook } from 'lucide';
import { useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { ApiProblem, api } from '../../utils/api.ts';
import { cached } from '../../utils/cached.ts';
import type { StoredSession } from '../../utils/storage.ts';
import { BoardsSection } from './boards-section.tsx';
import { DepartmentsSection } from './departments-section.tsx';
import { ImportSection } from './import-section.tsx';
import { LimitsSection } from './limits-section.tsx';
import { MyDigestSection } from './my-digest-section.tsx';
import { PeopleSection } from './people-section.tsx';
import { Settings, type SettingsContext } from './settings-context.ts';
import { type NavItem, SettingsNav } from './settings-nav.tsx';
import { SignInsSection } from './sign-ins-section.tsx';
import { ValuesSection } from './values-section.tsx';
import { WebhooksSection } from './webhooks-section.tsx';

export type SectionKey =
  | 'sign-ins'
  | 'boards'
  | 'digest'
  | 'people'
  | 'departments'
  | 'values'
  | 'import'
  | 'limits'
  | 'webhooks';

// Read on each render, so the labels are the catalogue's.
const accountItems = (manager: boolean): NavItem<SectionKey>[] => [
  { key: 'sign-ins', label: i18n.t('settings.page.signIns'), icon: KeyRound },
  { key: 'boards', label: i18n.t('settings.page.boards'), icon: Award },
  ...(manager ? [{ key: 'digest' as const, label: i18n.t('webhooks.mine.nav'), icon: Newspaper }] : []),
];
const adminItems = (): NavItem<SectionKey>[] => [
  { key: 'people', label: i18n.t('settings.page.people'), icon: Users },
  { key: 'departments', label: i18n.t('settings.page.departments'), icon: Building2 },
  { key: 'values', label: i18n.t('values.settings.nav'), icon: Sparkles },
  { key: 'import', label: i18n.t('settings.page.import'), icon: Upload },
  { key: 'limits', label: i18n.t('settings.page.limits'), icon: Gauge },
  { key: 'webhooks', label: i18n.t('webhooks.settings.nav'), icon: Webhook },
];

interface PageProps {
  session: StoredSession;
  signedOut(notice: string): void;
}

/**
 * The signed-in settings page: the person's sign-ins and boards for everyone; people, departments,
 * import and limits for admins. One section at a time, named in the address (#people), loaded on show.
 */
export function SettingsPage({ session, signedOut }: PageProps) {
  const admin = session.me.person.role === 'admin';
  const { serverUrl, token } = session;
  // Fresher details of the same person keep the client (and what its sections loaded).
  const ctx = useMemo<SettingsContext>(() => {
    const client = api({ serverUrl, token });
    return {
      client,
      departments: cached(() => client.departments().then((r) => r.departments)),
      failed: (e) => {
        if (e instanceof ApiProblem && e.status === 401) signedOut(i18n.t('settings.page.sessionEnded'));
      },
      signedOut,
    };
  }, [serverUrl, token, signedOut]);
  const account = accountItems(session.me.person.role !== 'member');
  const administration = admin ? adminItems() : [];
  const allowed = new Set<SectionKey>([...account, ...administration].map((i) => i.key));
  const [current, setCurrent] = useState<SectionKey>(() => {
    const fromHash = location.hash.slice(1) as SectionKey;
    return allowed.has(fromHash) ? fromHash : 'sign-ins';
  });
  const select = (key: SectionKey) => {
    history.replaceState(null, '', `#${key}`);
    setCurrent(key);
  };
  const groups = [
    { label: i18n.t('settings.page.account'), items: account },
    ...(admin ? [{ label: i18n.t('settings.page.administration'), items: administration }] : []),
  ];
  return (
    <Settings.Provider value={ctx}>
      <div class="settings-layout">
        <SettingsNav groups={groups} current={current} select={select} />
        <main class="settings-main" id="content">
          {current === 'sign-ins' ? <SignInsSection /> : null}
          {current === 'boards' ? <BoardsSection /> : null}
          {current === 'people' ? <PeopleSection /> : null}
          {current === 'departments' ? <DepartmentsSection /> : null}
          {current === 'values' ? <ValuesSection /> : null}
          {current === 'import' ? <ImportSection /> : null}
          {current === 'limits' ? <LimitsSection /> : null}
          {current === 'webhooks' ? <WebhooksSection /> : null}
          {current === 'digest' ? <MyDigestSection /> : null}
        </main>
      </div>
    </Settings.Provider>
  );
}
