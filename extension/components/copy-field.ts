import { Copy } from 'lucide';
import { h } from './h.ts';
import { icon } from './icon.ts';

/** A read-only value with a label and a Copy button that says when it copied. */
export function copyField(id: string, label: string, value: string, copyLabel: string): HTMLElement {
  const input = h('input', { id, type: 'text', readonly: true, value, spellcheck: 'false', class: 'mono' });
  const said = h('span', { class: 'copied', role: 'status' });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      said.textContent = 'Copied';
    } catch {
      input.select();
      said.textContent = 'Selected: press Ctrl+C to copy';
    }
    setTimeout(() => {
      said.textContent = '';
    }, 4000);
  };
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h(
      'div',
      { class: 'copy-row' },
      input,
      h('button', { type: 'button', onclick: () => void copy() }, icon(Copy), h('span', null, copyLabel)),
      said,
    ),
  );
}
