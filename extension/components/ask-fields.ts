import { Link } from 'lucide';
import type { PageContext } from '../../shared/asks.ts';
import { firstDay, lastDay } from '../../shared/dates.ts';
import { limits } from '../../shared/limits.ts';
import { type Field, field } from './field.ts';
import { h, replace } from './h.ts';
import { icon } from './icon.ts';
import { importanceLabel, importanceOrder } from './labels.ts';
import { screenshotAttach } from './screenshot-attach.ts';

/**
 * The Ask fields: subject, details, the attached page (when one was captured) with an optional
 * screenshot of it, importance and a needed-by date. `capture` takes the screenshot of a page URL.
 */
export function askFields(capture: (pageUrl: string) => Promise<string>) {
  let context: PageContext | null = null;
  const subject = h('input', { id: 'ask-subject', type: 'text', maxlength: limits.subject, required: true });
  const details = h('textarea', { id: 'ask-details', rows: 4, maxlength: limits.details });
  const expectedBy = h('input', { id: 'ask-expected-by', type: 'date', min: firstDay, max: lastDay });
  const importance = h(
    'select',
    { id: 'ask-importance' },
    importanceOrder.map((i) => h('option', { value: i, selected: i === 'normal' }, importanceLabel[i])),
  );
  const attach = h('input', {
    id: 'ask-attach',
    type: 'checkbox',
    checked: true,
    onchange: () => screenshot.setDisabled(!attach.checked),
  });
  const screenshot = screenshotAttach(() => (context ? capture(context.url) : Promise.reject(new Error('No page'))));
  const contextBox = h('div', { class: 'context-preview', id: 'ask-context' });
  const attachRow = h(
    'div',
    { class: 'attach', hidden: true },
    h('div', { class: 'check' }, attach, h('label', { for: 'ask-attach' }, 'Attach this page')),
    contextBox,
    screenshot.el,
  );
  const fields: Record<string, Field> = {
    subject: field('Subject', subject),
    details: field('Details', details),
    expectedBy: field('Needed by (optional)', expectedBy),
    importance: field('Importance', importance),
  };

  return {
    el: h(
      'div',
      { class: 'mode-fields', id: 'ask-fields' },
      fields.subject.el,
      fields.details.el,
      attachRow,
      h('div', { class: 'field-pair' }, fields.importance.el, fields.expectedBy.el),
    ),
    fields,
    /** The form's values, as the shared createAskSchema expects them (minus `to`). */
    read: () => ({
      subject: subject.value,
      details: details.value,
      context: attach.checked && context ? context : undefined,
      expectedBy: expectedBy.value || undefined,
      importance: importance.value,
    }),
    /** The screenshot to upload before the ask (data URL), when the page is attached and one was taken. */
    screenshot: () => (attach.checked && context ? screenshot.value() : null),
    reset() {
      for (const el of [subject, details, expectedBy]) el.value = '';
      attach.checked = true;
      screenshot.reset();
      screenshot.setDisabled(false);
      importance.value = 'normal';
    },
    setPageContext(next: PageContext | null) {
      // Another page: a picture of the previous one would be misleading.
      if (next?.url !== context?.url) screenshot.reset();
      context = next;
      attachRow.hidden = !next;
      if (!next) return replace(contextBox);
      replace(
        contextBox,
        h('p', { class: 'context-title' }, icon(Link, 14), h('span', null, next.title || next.url)),
        h('p', { class: 'context-url' }, next.url),
        next.selection ? h('blockquote', { class: 'context-selection' }, next.selection) : null,
      );
    },
  };
}
