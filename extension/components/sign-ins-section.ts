import { LogOut, MonitorSmartphone } from 'lucide';
import type { Api, TokenItem } from '../utils/api.ts';
import { dateWithRelative } from '../utils/dates.ts';
import { h, replace } from './h.ts';
import { icon } from './icon.ts';
import { notices, reason } from './notices.ts';

export interface SignInsHooks {
  /** This browser's token no longer works: forget the stored session. */
  signedOut(notice: string): void;
  failed(e: unknown): void;
}

/** Where the person is signed in; sign one out, or every one at once (after a confirmation). */
export function signInsSection(client: Api, hooks: SignInsHooks) {
  const say = notices('sign-ins');
  const list = h('ul', { class: 'token-list', id: 'token-list', 'aria-labelledby': 'sign-ins-heading' });
  const everywhere = h(
    'button',
    { type: 'button', id: 'sign-out-everywhere', class: 'danger-ghost', onclick: () => confirming(true) },
    icon(LogOut),
    h('span', null, 'Sign out everywhere'),
  );
  const cancel = h('button', { type: 'button', onclick: () => confirming(false, true) }, 'Cancel');
  const confirmBox = h(
    'div',
    {
      class: 'confirm',
      id: 'sign-out-everywhere-confirm',
      hidden: true,
      role: 'group',
      'aria-label': 'Confirm sign out everywhere',
      'aria-describedby': 'soe-q',
    },
    h(
      'p',
      { id: 'soe-q' },
      'Sign out of every browser and client, this one included? Each will need a new sign-in code.',
    ),
    h(
      'div',
      { class: 'actions' },
      cancel,
      h(
        'button',
        { type: 'button', id: 'sign-out-everywhere-yes', class: 'danger', onclick: () => void signOutEverywhere() },
        'Yes, sign out everywhere',
      ),
    ),
  );

  function confirming(open: boolean, refocus = false) {
    confirmBox.hidden = !open;
    everywhere.hidden = open;
    if (open) cancel.focus();
    else if (refocus) everywhere.focus();
  }

  function row(token: TokenItem) {
    const textId = `token-${token.id}`;
    return h(
      'li',
      { class: 'token' },
      h('span', { class: 'token-icon' }, icon(MonitorSmartphone, 20)),
      h(
        'div',
        { class: 'token-text', id: textId },
        h(
          'p',
          { class: 'token-label' },
          h('span', null, token.label || 'Unnamed sign-in'),
          token.current ? h('span', { class: 'pill' }, 'This browser') : null,
        ),
        h('p', { class: 'hint' }, `Signed in ${dateWithRelative(token.createdAt)}`),
      ),
      h(
        'button',
        { type: 'button', class: 'danger-ghost', 'aria-describedby': textId, onclick: () => void revoke(token) },
        'Sign out',
      ),
    );
  }

  async function revoke(token: TokenItem) {
    try {
      await client.revokeToken(token.id);
      if (token.current) return hooks.signedOut('This browser is signed out. Sign in again from the Tandem panel.');
      say.ok(`Signed out “${token.label}”.`);
      await load();
    } catch (e) {
      hooks.failed(e);
      say.fail(`Could not sign out: ${reason(e)}`);
    }
  }

  async function signOutEverywhere() {
    try {
      const { revoked } = await client.signOutEverywhere();
      hooks.signedOut(
        `Signed out everywhere (${revoked} ${revoked === 1 ? 'sign-in' : 'sign-ins'}). Sign in again from the Tandem panel.`,
      );
    } catch (e) {
      hooks.failed(e);
      confirming(false);
      say.fail(`Could not sign out everywhere: ${reason(e)}`);
    }
  }

  async function load() {
    list.setAttribute('aria-busy', 'true');
    try {
      const { tokens } = await client.tokens();
      if (tokens.length === 0) replace(list, h('li', { class: 'empty' }, 'No sign-ins.'));
      else replace(list, tokens.map(row));
    } catch (e) {
      hooks.failed(e);
      say.fail(`Could not load your sign-ins: ${reason(e)}`);
    } finally {
      list.removeAttribute('aria-busy');
    }
  }

  const el = h(
    'section',
    { class: 'section', id: 'section-sign-ins', 'aria-labelledby': 'sign-ins-heading' },
    h('h2', { id: 'sign-ins-heading', tabindex: '-1' }, 'Your sign-ins'),
    h('p', { class: 'lead' }, 'Browsers and clients signed in as you. Signing one out stops its access at once.'),
    say.el,
    list,
    h('div', { class: 'section-footer' }, everywhere, confirmBox),
  );
  return { el, load };
}
