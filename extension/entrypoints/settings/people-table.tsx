import { MailPlus, Pencil, UserCheck, UserX } from 'lucide';
import { type ComponentChildren, Fragment } from 'preact';
import { i18n } from '#i18n';
import type { PersonItem } from '../../utils/api.ts';
import { listOf } from '../../utils/format.ts';
import { roleLabel } from './roles.ts';
import { ActionButton, type FocusRequest, type RowAction } from './row-action-button.tsx';

interface PeopleTableProps {
  people: PersonItem[];
  departmentName(id: string): string;
  /** What opens under a person's row (their edit form, their new invitation). */
  detail: { personId: string; content: ComponentChildren } | null;
  focus: FocusRequest | null;
  edit(person: PersonItem): void;
  setActive(person: PersonItem, active: boolean): void;
  invite(person: PersonItem): void;
}

/**
 * The people list: one row per person, their departments by name, and the row's actions. In a narrow
 * container each row is laid out as a card (people-section.css); the markup stays one table.
 */
export function PeopleTable({ people, departmentName, detail, focus, ...on }: PeopleTableProps) {
  const focusOn = (p: PersonItem, action: RowAction) =>
    focus?.personId === p.id && focus.action === action ? focus : null;
  return (
    <table id="people-table" class="data-table people-table">
      <caption class="sr-only">{i18n.t('settings.peopleTable.caption')}</caption>
      <thead>
        <tr>
          <th scope="col" class="col-person">
            {i18n.t('settings.peopleTable.nameAndEmail')}
          </th>
          <th scope="col" class="col-title">
            {i18n.t('settings.peopleTable.title')}
          </th>
          <th scope="col" class="col-departments">
            {i18n.t('settings.peopleTable.departments')}
          </th>
          <th scope="col" class="col-role">
            {i18n.t('settings.peopleTable.role')}
          </th>
          <th scope="col" class="col-status">
            {i18n.t('settings.peopleTable.status')}
          </th>
          <th scope="col" class="col-actions">
            <span class="sr-only">{i18n.t('settings.peopleTable.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {people.map((p) => {
          const departments = listOf(p.departmentIds.map(departmentName));
          return (
            <Fragment key={p.id}>
              <tr class={p.active ? undefined : 'inactive'} data-person-id={p.id}>
                <th scope="row" class="col-person" translate={false}>
                  <span class="person-name">{p.name}</span>
                  <span class="person-email">
                    <BreakAfterAt text={p.email} />
                  </span>
                </th>
                <td class="col-title">
                  <CardLabel>{i18n.t('settings.peopleTable.title')}</CardLabel>
                  {p.title ? <span translate={false}>{p.title}</span> : <span class="muted">—</span>}
                </td>
                <td class="col-departments">
                  <CardLabel>{i18n.t('settings.peopleTable.departments')}</CardLabel>
                  {departments ? (
                    <span translate={false}>{departments}</span>
                  ) : (
                    <span class="muted">{i18n.t('settings.peopleTable.noDepartments')}</span>
                  )}
                </td>
                <td class="col-role">
                  <CardLabel>{i18n.t('settings.peopleTable.role')}</CardLabel>
                  {roleLabel(p.role)}
                </td>
                <td class="col-status">
                  <span class={p.active ? 'pill pill-success' : 'pill pill-muted'}>
                    {p.active ? i18n.t('settings.peopleTable.active') : i18n.t('settings.peopleTable.inactive')}
                  </span>
                </td>
                <td class="row-actions col-actions">
                  <ActionButton
                    action="edit"
                    name={p.name}
                    node={Pencil}
                    focus={focusOn(p, 'edit')}
                    onClick={() => on.edit(p)}
                  />
                  {p.active ? (
                    <ActionButton
                      action="invite"
                      name={p.name}
                      node={MailPlus}
                      focus={focusOn(p, 'invite')}
                      onClick={() => on.invite(p)}
                    />
                  ) : null}
                  {p.active ? (
                    <ActionButton
                      action="deactivate"
                      name={p.name}
                      node={UserX}
                      danger
                      focus={focusOn(p, 'deactivate')}
                      onClick={() => on.setActive(p, false)}
                    />
                  ) : (
                    <ActionButton
                      action="reactivate"
                      name={p.name}
                      node={UserCheck}
                      focus={focusOn(p, 'reactivate')}
                      onClick={() => on.setActive(p, true)}
                    />
                  )}
                </td>
              </tr>
              {detail?.personId === p.id ? (
                <tr class="detail-row">
                  <td colSpan={6}>{detail.content}</td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

/** An address with a line-break chance after its "@": a narrow column breaks it there first. */
function BreakAfterAt({ text }: { text: string }) {
  const at = text.indexOf('@') + 1;
  if (!at) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <wbr />
      {text.slice(at)}
    </>
  );
}

/** A cell's column name, shown only when rows are cards (the header row is out of sight then). */
function CardLabel({ children }: { children: string }) {
  return (
    <span class="card-label" aria-hidden="true">
      {children}
    </span>
  );
}
