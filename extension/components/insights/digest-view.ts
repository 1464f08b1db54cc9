import { Copy, FileDown } from 'lucide';
import type { Api } from '../../utils/api.ts';
import { h, replace } from '../h.ts';
import { icon } from '../icon.ts';

/** The weekly digest as it goes out: text for a chat webhook, HTML for email. */
export function digestView(client: Api) {
  const text = h('pre', { class: 'digest-text', id: 'digest-text', tabindex: 0 });
  const status = h('p', { class: 'status', role: 'status' });
  const copy = h(
    'button',
    {
      type: 'button',
      id: 'digest-copy',
      onclick: () =>
        void navigator.clipboard.writeText(text.textContent ?? '').then(
          () => (status.textContent = 'Copied.'),
          () => (status.textContent = 'Copying is not allowed here: select the text instead.'),
        ),
    },
    icon(Copy, 16),
    h('span', null, 'Copy text'),
  );
  const download = h(
    'button',
    {
      type: 'button',
      id: 'digest-html',
      onclick: () =>
        void client.digest('html').then((html) => {
          const a = h('a', {
            href: URL.createObjectURL(new Blob([html], { type: 'text/html' })),
            download: 'tandem-digest.html',
          });
          a.click();
        }),
    },
    icon(FileDown, 16),
    h('span', null, 'Email version (HTML)'),
  );
  const body = h('div');
  const el = h(
    'section',
    { class: 'view', id: 'digest-view', 'aria-label': 'Weekly digest', hidden: true },
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'digest-title' },
      h(
        'div',
        { class: 'card-header' },
        h('h2', { id: 'digest-title' }, 'Last week, as your digest'),
        h('div', { class: 'actions' }, copy, download),
      ),
      h(
        'p',
        { class: 'hint' },
        'The same digest is at GET /v1/digest (JSON), ?format=text for a chat webhook and ?format=html for email.',
      ),
      body,
      status,
    ),
  );

  async function load() {
    text.textContent = await client.digest('text');
    replace(body, text);
  }

  return { el, load };
}
