import './settings-forms.css';
import './settings-lists.css';
import { Award, Building2, Gauge, KeyRound, Upload, Users } from 'lucide';
import { ApiProblem, api } from '../utils/api.ts';
import { cached } from '../utils/cached.ts';
import type { StoredSession } from '../utils/storage.ts';
import { boardsSection } from './boards-section.ts';
import { departmentsSection } from './departments-section.ts';
import { h } from './h.ts';
import { importSection } from './import-section.ts';
import { limitsSection } from './limits-section.ts';
import { peopleSection } from './people-section.ts';
import { type NavItem, settingsNav } from './settings-nav.ts';
import { signInsSection } from './sign-ins-section.ts';

export type SectionKey = 'sign-ins' | 'boards' | 'people' | 'departments' | 'import' | 'limits';

export interface SettingsHooks {
  /** This browser is signed out (by the person, here): forget the session and say why. */
  signedOut(notice: string): void;
}

/** The signed-in settings page: the person's sign-ins for everyone; people, departments, import, limits for admins. */
export function settingsPage(session: StoredSession, hooks: SettingsHooks) {
  const client = api(session);
  const admin = session.me.person.role === 'admin';
  const departments = cached(() => client.departments().then((r) => r.departments));
  const failed = (e: unknown) => {
    if (e instanceof ApiProblem && e.status === 401)
      hooks.signedOut('Your session has ended. Sign in again from the Tandem panel.');
  };

  const sections: Record<SectionKey, { el: HTMLElement; load(): Promise<void> }> = {
    'sign-ins': signInsSection(client, { signedOut: hooks.signedOut, failed }),
    boards: boardsSection(client, failed),
    people: peopleSection(client, departments, failed),
    departments: departmentsSection(client, departments, failed),
    import: importSection(client, { imported: () => departments.invalidate(), failed }),
    limits: limitsSection(client, failed),
  };
  const adminItems: NavItem<SectionKey>[] = [
    { key: 'people', label: 'People', icon: Users },
    { key: 'departments', label: 'Departments', icon: Building2 },
    { key: 'import', label: 'Import', icon: Upload },
    { key: 'limits', label: 'Limits', icon: Gauge },
  ];
  const allowed = new Set<SectionKey>(['sign-ins', 'boards', ...(admin ? adminItems.map((i) => i.key) : [])]);
  const fromHash = location.hash.slice(1) as SectionKey;
  const initial: SectionKey = allowed.has(fromHash) ? fromHash : 'sign-ins';

  const nav = settingsNav<SectionKey>(
    [
      {
        label: 'Account',
        items: [
          { key: 'sign-ins', label: 'Your sign-ins', icon: KeyRound },
          { key: 'boards', label: 'Recognition boards', icon: Award },
        ],
      },
      ...(admin ? [{ label: 'Administration', items: adminItems }] : []),
    ],
    initial,
    (key) => show(key),
  );

  function show(key: SectionKey) {
    for (const [k, s] of Object.entries(sections)) s.el.hidden = k !== key;
    history.replaceState(null, '', `#${key}`);
    void sections[key].load();
  }

  const el = h(
    'div',
    { class: 'settings-layout' },
    nav.el,
    h(
      'main',
      { class: 'settings-main', id: 'content' },
      [...allowed].map((k) => sections[k].el),
    ),
  );
  show(initial);
  return { el };
}
