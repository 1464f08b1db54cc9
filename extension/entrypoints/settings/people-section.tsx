import './people-section.css';
import { UserPlus } from 'lucide';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';
import { Notices, reason, useNotice } from '../../ui/notices.tsx';
import type { InvitationResult, PersonItem } from '../../utils/api.ts';
import { newIdempotencyKey } from '../../utils/idempotency-key.ts';
import { InvitationCard } from './invitation-card.tsx';
import { PeopleSearch } from './people-search.tsx';
import { PeopleTable } from './people-table.tsx';
import { PersonForm } from './person-form.tsx';
import type { FocusRequest } from './row-action-button.tsx';
import { useSettings } from './settings-context.ts';
import { usePeople } from './use-people.ts';

type Detail =
  | { person: PersonItem; kind: 'edit' }
  | { person: PersonItem; kind: 'invite'; invitation: InvitationResult };

/** Admin: find people, add them, edit them, deactivate or reactivate them, invite them. */
export function PeopleSection() {
  const { client, failed } = useSettings();
  const say = useNotice();
  const { fail } = say;
  const loadFailed = useCallback(
    (e: unknown) => {
      failed(e);
      fail(i18n.t('settings.people.loadFailed', [reason(e)]));
    },
    [failed, fail],
  );
  const { found, departmentList, busy, search, refreshDepartments, reload: load } = usePeople(loadFailed);
  // What is open under a row belongs to the list it opened in: a new list (a search, a reload) closes it.
  const [opened, setOpened] = useState<{ detail: Detail; in: typeof found } | null>(null);
  const detail = opened?.in === found ? opened.detail : null;
  const setDetail = (d: Detail | null) => setOpened(d && { detail: d, in: found });
  /** The add form is open, with the Idempotency-Key of this opening: a retried submit cannot add twice. */
  const [adding, setAdding] = useState<string | null>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  // A request is for one render: a row that comes back later (after a search) must not take focus again.
  useEffect(() => {
    if (focus) setFocus(null);
  }, [focus]);
  const addButton = useRef<HTMLButtonElement>(null);
  const [addFocus, setAddFocus] = useState<object | null>(null);
  useEffect(() => {
    if (addFocus) addButton.current?.focus();
  }, [addFocus]);

  async function openAdd() {
    say.clear();
    await refreshDepartments();
    setAdding(newIdempotencyKey());
  }

  async function edit(person: PersonItem) {
    say.clear();
    await refreshDepartments();
    setDetail({ person, kind: 'edit' });
  }

  async function setActive(person: PersonItem, active: boolean) {
    try {
      await client.updatePerson(person.id, { active });
      say.ok(
        active
          ? i18n.t('settings.people.reactivated', [person.name])
          : i18n.t('settings.people.deactivated', [person.name]),
      );
      await load();
      setFocus({ personId: person.id, action: active ? 'deactivate' : 'reactivate' });
    } catch (e) {
      failed(e);
      say.fail(
        active
          ? i18n.t('settings.people.reactivateFailed', [person.name, reason(e)])
          : i18n.t('settings.people.deactivateFailed', [person.name, reason(e)]),
      );
    }
  }

  async function invite(person: PersonItem) {
    try {
      const invitation = await client.invite(person.id);
      setDetail({ person, kind: 'invite', invitation });
      say.ok(i18n.t('settings.people.invited', [person.name]));
    } catch (e) {
      failed(e);
      say.fail(i18n.t('settings.people.inviteFailed', [person.name, reason(e)]));
    }
  }

  const closeDetail = (person: PersonItem, refocus: 'edit' | 'invite') => {
    setDetail(null);
    setFocus({ personId: person.id, action: refocus });
  };

  const names = new Map(departmentList.map((d) => [d.id, d.name]));

  return (
    <section class="section" id="section-people" aria-labelledby="people-heading">
      <div class="section-header">
        <h2 id="people-heading" tabIndex={-1}>
          {i18n.t('settings.people.heading')}
        </h2>
        <button
          ref={addButton}
          type="button"
          id="add-person-open"
          class="primary"
          hidden={adding !== null}
          onClick={() => void openAdd()}
        >
          <Icon node={UserPlus} />
          <span>{i18n.t('settings.people.add')}</span>
        </button>
      </div>
      <div id="add-person">
        {adding !== null ? (
          <PersonForm
            heading={i18n.t('settings.people.newHeading')}
            submitLabel={i18n.t('settings.people.create')}
            departments={departmentList}
            cancel={() => {
              setAdding(null);
              setAddFocus({});
            }}
            submit={async (values) => {
              const person = await client.createPerson(values, adding);
              setAdding(null);
              say.ok(i18n.t('settings.people.added', [person.name]));
              await load();
              setFocus({ personId: person.id, action: 'invite' });
            }}
          />
        ) : null}
      </div>
      <PeopleSearch found={found} search={search} />
      <Notices id="people" notice={say.notice} />
      <div class="table-wrap people-results" id="people-results" aria-busy={busy || undefined}>
        {found && found.people.length === 0 ? (
          <p class="empty">{found.query ? i18n.t('settings.people.noMatch') : i18n.t('settings.people.none')}</p>
        ) : null}
        {found?.people.length ? (
          <PeopleTable
            people={found.people}
            departmentName={(id) => names.get(id) ?? i18n.t('settings.people.unknownDepartment')}
            focus={focus}
            edit={(p) => void edit(p)}
            setActive={(p, active) => void setActive(p, active)}
            invite={(p) => void invite(p)}
            detail={detail && { personId: detail.person.id, content: detailContent(detail) }}
          />
        ) : null}
      </div>
    </section>
  );

  function detailContent(d: Detail) {
    const { person } = d;
    if (d.kind === 'invite')
      return (
        <InvitationCard
          key={d.invitation.code}
          name={person.name}
          invitation={d.invitation}
          close={() => closeDetail(person, 'invite')}
        />
      );
    return (
      <PersonForm
        person={person}
        heading={i18n.t('settings.common.editHeading', [person.name])}
        submitLabel={i18n.t('settings.common.saveChanges')}
        departments={departmentList}
        cancel={() => closeDetail(person, 'edit')}
        submit={async ({ name, title, role, departmentIds }) => {
          const saved = await client.updatePerson(person.id, { name, title, role, departmentIds });
          setDetail(null);
          say.ok(i18n.t('settings.people.saved', [saved.name]));
          await load();
          setFocus({ personId: person.id, action: 'edit' });
        }}
      />
    );
  }
}
