import { UserPlus } from 'lucide';
import type { Api, DepartmentItem, PersonItem } from '../utils/api.ts';
import { debounce } from '../utils/debounce.ts';
import { newIdempotencyKey } from '../utils/idempotency-key.ts';
import { h, replace } from './h.ts';
import { icon } from './icon.ts';
import { invitationCard } from './invitation-card.ts';
import { notices, reason } from './notices.ts';
import { peopleColumns, peopleTable } from './people-table.ts';
import { personForm } from './person-form.ts';

interface Departments {
  get(): Promise<DepartmentItem[]>;
}

/** Admin: find people, add them, edit them, deactivate or reactivate them, invite them. */
export function peopleSection(client: Api, departments: Departments, failed: (e: unknown) => void) {
  const say = notices('people');
  const search = h('input', {
    id: 'people-search',
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'people-search-hint',
    oninput: () => debouncedLoad(),
  });
  const count = h('p', { class: 'hint', id: 'people-count' });
  const results = h('div', { class: 'table-wrap', id: 'people-results' });
  const addSlot = h('div', { id: 'add-person' });
  const addButton = h(
    'button',
    { type: 'button', id: 'add-person-open', class: 'primary', onclick: () => void openAdd() },
    icon(UserPlus),
    h('span', null, 'Add person'),
  );
  let detail: HTMLTableRowElement | null = null;
  let request = 0;

  function closeDetail(refocus?: HTMLElement | null) {
    detail?.remove();
    detail = null;
    refocus?.focus();
  }

  function openDetail(row: HTMLTableRowElement, content: HTMLElement) {
    closeDetail();
    detail = h('tr', { class: 'detail-row' }, h('td', { colspan: peopleColumns }, content));
    row.after(detail);
  }

  const buttonOf = (personId: string, label: string) =>
    results.querySelector<HTMLButtonElement>(
      `tr[data-person-id="${CSS.escape(personId)}"] button[aria-label^="${label} "]`,
    );

  async function openAdd() {
    say.clear();
    const form = personForm({
      heading: 'New person',
      submitLabel: 'Create person',
      departments: await departments.get().catch(() => []),
      cancel: () => {
        replace(addSlot);
        addButton.hidden = false;
        addButton.focus();
      },
      // One key per opening of the form: a retried submit cannot create the person twice.
      submit: ((key) => async (values) => {
        const person = await client.createPerson(values, key);
        replace(addSlot);
        addButton.hidden = false;
        say.ok(`Added ${person.name}. Invite them to give them a sign-in code.`);
        await load();
        buttonOf(person.id, 'Invite')?.focus();
      })(newIdempotencyKey()),
    });
    addButton.hidden = true;
    replace(addSlot, form.el);
    form.focus();
  }

  function edit(person: PersonItem, row: HTMLTableRowElement) {
    say.clear();
    departments
      .get()
      .catch(() => [])
      .then((list) => {
        const form = personForm({
          person,
          heading: `Edit ${person.name}`,
          submitLabel: 'Save changes',
          departments: list,
          cancel: () => closeDetail(buttonOf(person.id, 'Edit')),
          submit: async ({ name, title, role, departmentIds }) => {
            const saved = await client.updatePerson(person.id, { name, title, role, departmentIds });
            closeDetail();
            say.ok(`Saved ${saved.name}.`);
            await load();
            buttonOf(person.id, 'Edit')?.focus();
          },
        });
        openDetail(row, form.el);
        form.focus();
      })
      .catch((e: unknown) => say.fail(`Could not open the form: ${reason(e)}`));
  }

  async function setActive(person: PersonItem, active: boolean) {
    try {
      await client.updatePerson(person.id, { active });
      say.ok(
        active
          ? `Reactivated ${person.name}. Invite them to give them a new sign-in code.`
          : `Deactivated ${person.name}: they can no longer sign in, and their sign-ins stopped working.`,
      );
      await load();
      buttonOf(person.id, active ? 'Deactivate' : 'Reactivate')?.focus();
    } catch (e) {
      failed(e);
      say.fail(`Could not ${active ? 'reactivate' : 'deactivate'} ${person.name}: ${reason(e)}`);
    }
  }

  async function invite(person: PersonItem, row: HTMLTableRowElement) {
    try {
      const invitation = await client.invite(person.id);
      const card = invitationCard(person.name, invitation, () => closeDetail(buttonOf(person.id, 'Invite')));
      openDetail(row, card);
      say.ok(`Invitation created for ${person.name}. The code and link are below their row.`);
      card.querySelector('input')?.focus();
    } catch (e) {
      failed(e);
      say.fail(`Could not invite ${person.name}: ${reason(e)}`);
    }
  }

  async function load() {
    const mine = ++request;
    results.setAttribute('aria-busy', 'true');
    try {
      const [{ people }, list] = await Promise.all([
        client.people(search.value.trim()),
        departments.get().catch(() => []),
      ]);
      if (mine !== request) return;
      const names = new Map(list.map((d) => [d.id, d.name]));
      detail = null;
      const one = people.length === 1;
      const matching = search.value.trim() ? (one ? ' matches' : ' match') : '';
      count.textContent = `${people.length} ${one ? 'person' : 'people'}${matching}`;
      replace(
        results,
        people.length
          ? peopleTable(people, (id) => names.get(id) ?? 'Unknown department', { edit, setActive, invite })
          : h('p', { class: 'empty' }, search.value.trim() ? 'Nobody matches this search.' : 'No people yet.'),
      );
    } catch (e) {
      if (mine !== request) return;
      failed(e);
      say.fail(`Could not load people: ${reason(e)}`);
    } finally {
      if (mine === request) results.removeAttribute('aria-busy');
    }
  }
  const debouncedLoad = debounce(() => void load(), 250);

  const el = h(
    'section',
    { class: 'section', id: 'section-people', 'aria-labelledby': 'people-heading' },
    h('div', { class: 'section-header' }, h('h2', { id: 'people-heading', tabindex: '-1' }, 'People'), addButton),
    addSlot,
    h(
      'div',
      { class: 'search-row' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'people-search' }, 'Search people'),
        search,
        h('p', { class: 'hint', id: 'people-search-hint' }, 'By name, email or title. Inactive people are included.'),
      ),
      count,
    ),
    say.el,
    results,
  );
  return { el, load };
}
