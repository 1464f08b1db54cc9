import { Building2, Pencil } from 'lucide';
import type { DepartmentItem } from '../utils/api.ts';
import { hoursText } from '../utils/business-hours.ts';
import { h } from './h.ts';
import { icon } from './icon.ts';

/** One department at a glance: members, what it offers, its service standard and business hours. */
export function departmentCard(d: DepartmentItem, edit: () => void): HTMLElement {
  const headingId = `department-${d.id}-heading`;
  return h(
    'article',
    { class: 'card department', 'data-department-id': d.id, 'aria-labelledby': headingId },
    h(
      'div',
      { class: 'card-header' },
      h(
        'h3',
        { id: headingId },
        h('span', { class: 'title-icon' }, icon(Building2)),
        h('span', null, d.name),
        h('span', { class: 'hint' }, `${d.memberCount} ${d.memberCount === 1 ? 'member' : 'members'}`),
      ),
      h(
        'button',
        { type: 'button', class: 'small', 'aria-label': `Edit ${d.name}`, onclick: edit },
        icon(Pencil, 14),
        h('span', null, 'Edit'),
      ),
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, 'Offers'),
      h(
        'dd',
        null,
        d.offers.length
          ? h(
              'ul',
              { class: 'chips' },
              d.offers.map((o) => h('li', { class: 'chip' }, o)),
            )
          : h('span', { class: 'muted' }, 'Nothing listed'),
      ),
      h('dt', null, 'Standard'),
      h(
        'dd',
        null,
        `First response within ${d.standard.firstResponseHours} business hours, resolved within ${d.standard.resolutionHours}`,
      ),
      h('dt', null, 'Hours'),
      h('dd', null, hoursText(d.hours)),
    ),
  );
}
