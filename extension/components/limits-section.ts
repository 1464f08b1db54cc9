import type { Api } from '../utils/api.ts';
import { type Field, field } from './field.ts';
import { clearProblems, showProblem } from './form-errors.ts';
import { h } from './h.ts';
import { notices, reason } from './notices.ts';

/** Admin: the organisation's rate limits. */
export function limitsSection(client: Api, failed: (e: unknown) => void) {
  const say = notices('limits');
  const number = (id: string, hint: string) =>
    h('input', { id, type: 'number', min: 1, max: 100000, step: 1, required: true, 'aria-describedby': hint });
  const writes = number('limit-writes', 'limit-writes-hint');
  const thanks = number('limit-thanks', 'limit-thanks-hint');
  const fields: Record<string, Field> = {
    'limits.writesPerMinute': field(
      'Writes per minute',
      writes,
      h(
        'p',
        { class: 'hint', id: 'limit-writes-hint' },
        'Asks, thanks, replies and changes one person may make in a minute.',
      ),
    ),
    'limits.thanksPerRecipientPerDay': field(
      'Thanks per recipient per day',
      thanks,
      h(
        'p',
        { class: 'hint', id: 'limit-thanks-hint' },
        'Thank-yous one person may send the same colleague or department in a day.',
      ),
    ),
  };
  const save = h('button', { type: 'submit', id: 'limits-save', class: 'primary', disabled: true }, 'Save');

  const show = (limits: { writesPerMinute: number; thanksPerRecipientPerDay: number }) => {
    writes.value = String(limits.writesPerMinute);
    thanks.value = String(limits.thanksPerRecipientPerDay);
    save.disabled = false;
  };

  async function send() {
    clearProblems(fields);
    say.clear();
    save.disabled = true;
    try {
      const { limits } = await client.updateSettings({
        limits: { writesPerMinute: writes.valueAsNumber, thanksPerRecipientPerDay: thanks.valueAsNumber },
      });
      show(limits);
      say.ok('Limits saved. They apply from the next request.');
    } catch (e) {
      failed(e);
      showProblem(fields, e, say, 'Could not save the limits');
    } finally {
      save.disabled = false;
    }
  }

  async function load() {
    try {
      show((await client.settings()).limits);
    } catch (e) {
      failed(e);
      say.fail(`Could not load the limits: ${reason(e)}`);
    }
  }

  const el = h(
    'section',
    { class: 'section', id: 'section-limits', 'aria-labelledby': 'limits-heading' },
    h('h2', { id: 'limits-heading', tabindex: '-1' }, 'Limits'),
    h('p', { class: 'lead' }, 'Limits keep a runaway script or an over-eager colleague from flooding everyone.'),
    h(
      'form',
      {
        class: 'card form',
        novalidate: true,
        'aria-labelledby': 'limits-heading',
        onsubmit: (e: SubmitEvent) => {
          e.preventDefault();
          void send();
        },
      },
      h(
        'div',
        { class: 'form-grid' },
        Object.values(fields).map((f) => f.el),
      ),
      say.el,
      h('div', { class: 'actions' }, save),
    ),
  );
  return { el, load };
}
