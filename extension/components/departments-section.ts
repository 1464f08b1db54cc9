import { Plus } from 'lucide';
import type { Api, DepartmentItem } from '../utils/api.ts';
import { newIdempotencyKey } from '../utils/idempotency-key.ts';
import { departmentCard } from './department-card.ts';
import { departmentForm } from './department-form.ts';
import { h, replace } from './h.ts';
import { icon } from './icon.ts';
import { notices, reason } from './notices.ts';

interface Departments {
  get(): Promise<DepartmentItem[]>;
  invalidate(): void;
}

/** Admin: every department's catalogue, standard and hours; edit them or add a department. */
export function departmentsSection(client: Api, departments: Departments, failed: (e: unknown) => void) {
  const say = notices('departments');
  const list = h('div', { class: 'card-list', id: 'department-list' });
  const addSlot = h('div', { id: 'add-department' });
  const addButton = h(
    'button',
    { type: 'button', id: 'add-department-open', class: 'primary', onclick: () => openAdd() },
    icon(Plus),
    h('span', null, 'Add department'),
  );

  const editButton = (id: string) =>
    list.querySelector<HTMLButtonElement>(`[data-department-id="${CSS.escape(id)}"] .card-header button`);

  async function saved(text: string, id: string) {
    departments.invalidate();
    say.ok(text);
    await load();
    editButton(id)?.focus();
  }

  function openAdd() {
    say.clear();
    const key = newIdempotencyKey();
    const close = () => {
      replace(addSlot);
      addButton.hidden = false;
    };
    const form = departmentForm({
      heading: 'New department',
      submitLabel: 'Create department',
      cancel: () => {
        close();
        addButton.focus();
      },
      submit: async (values) => {
        const created = await client.createDepartment(values, key);
        close();
        await saved(`Added ${created.name}.`, created.id);
      },
    });
    addButton.hidden = true;
    replace(addSlot, form.el);
    form.focus();
  }

  function edit(d: DepartmentItem, card: HTMLElement) {
    say.clear();
    const form = departmentForm({
      department: d,
      heading: `Edit ${d.name}`,
      submitLabel: 'Save changes',
      cancel: () => {
        form.el.replaceWith(card);
        editButton(d.id)?.focus();
      },
      submit: async ({ offers, standard, hours }) => {
        await client.updateDepartment(d.id, { offers, standard, hours });
        await saved(`Saved ${d.name}.`, d.id);
      },
    });
    form.el.setAttribute('data-department-id', d.id);
    card.replaceWith(form.el);
    form.focus();
  }

  async function load() {
    list.setAttribute('aria-busy', 'true');
    try {
      const all = await departments.get();
      replace(
        list,
        all.length
          ? all.map((d) => {
              const card: HTMLElement = departmentCard(d, () => edit(d, card));
              return card;
            })
          : h('p', { class: 'empty' }, 'No departments yet. Add one to give people somewhere to ask.'),
      );
    } catch (e) {
      failed(e);
      say.fail(`Could not load departments: ${reason(e)}`);
    } finally {
      list.removeAttribute('aria-busy');
    }
  }

  const el = h(
    'section',
    { class: 'section', id: 'section-departments', 'aria-labelledby': 'departments-heading' },
    h(
      'div',
      { class: 'section-header' },
      h('h2', { id: 'departments-heading', tabindex: '-1' }, 'Departments'),
      addButton,
    ),
    h(
      'p',
      { class: 'lead' },
      'What each department offers, how fast it answers, and when its clock runs. Due times count business hours only.',
    ),
    addSlot,
    say.el,
    list,
  );
  return { el, load };
}
