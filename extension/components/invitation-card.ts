import { MailPlus, X } from 'lucide';
import type { InvitationResult } from '../utils/api.ts';
import { dateWithRelative } from '../utils/dates.ts';
import { copyField } from './copy-field.ts';
import { h, uid } from './h.ts';
import { icon } from './icon.ts';

/** A new invitation: the one-time code and the join link to pass on, and until when they work. */
export function invitationCard(name: string, invitation: InvitationResult, close: () => void): HTMLElement {
  const id = uid('invitation');
  return h(
    'div',
    { class: 'card invitation', id: 'invitation', role: 'group', 'aria-labelledby': `${id}-heading` },
    h(
      'div',
      { class: 'card-header' },
      h(
        'h3',
        { id: `${id}-heading` },
        h('span', { class: 'title-icon' }, icon(MailPlus)),
        h('span', null, `Invitation for ${name}`),
      ),
      h(
        'button',
        { type: 'button', class: 'icon-button', 'aria-label': 'Close invitation', title: 'Close', onclick: close },
        icon(X),
      ),
    ),
    h(
      'p',
      { class: 'hint' },
      `Send ${name} the link, or the code to type into the Tandem panel. It works once, until ${dateWithRelative(invitation.expiresAt)}. Creating another invitation does not cancel this one.`,
    ),
    h(
      'div',
      { class: 'invite-grid' },
      copyField(`${id}-code`, 'Sign-in code', invitation.code, 'Copy code'),
      copyField(`${id}-link`, 'Invitation link', invitation.link, 'Copy link'),
    ),
  );
}
