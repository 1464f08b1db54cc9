import type { Api } from '../utils/api.ts';
import { h } from './h.ts';
import { notices, reason } from './notices.ts';

/** The person's own choice to stay off recognition boards (thanks still reach them). */
export function boardsSection(client: Api, failed: (e: unknown) => void) {
  const say = notices('boards');
  const box = h('input', { type: 'checkbox', id: 'board-opt-out', onchange: () => void save() });
  async function save() {
    box.disabled = true;
    try {
      const me = await client.updateMe({ boardOptOut: box.checked });
      box.checked = me.preferences.boardOptOut;
      say.ok(box.checked ? 'You are off every board now.' : 'You appear on boards again.');
    } catch (e) {
      box.checked = !box.checked;
      failed(e);
      say.fail(`Could not save: ${reason(e)}`);
    } finally {
      box.disabled = false;
    }
  }
  async function load() {
    try {
      box.checked = (await client.me()).preferences.boardOptOut;
    } catch (e) {
      failed(e);
      say.fail(`Could not load your choice: ${reason(e)}`);
    }
  }
  const el = h(
    'section',
    { class: 'section', id: 'section-boards', 'aria-labelledby': 'boards-heading' },
    h('h2', { id: 'boards-heading', tabindex: '-1' }, 'Recognition boards'),
    h(
      'p',
      { class: 'hint' },
      'Thanks you receive always reach you. Managers see who is thanked on their recognition page and weekly digest.',
    ),
    h(
      'div',
      { class: 'check' },
      box,
      h('label', { for: 'board-opt-out' }, 'Leave me off recognition boards and digests'),
    ),
    say.el,
  );
  return { el, load };
}
