import { Camera, X } from 'lucide';
import { CaptureRefused } from '../utils/screenshot.ts';
import { h, replace } from './h.ts';
import { icon } from './icon.ts';

/**
 * "Add screenshot": the person chooses to attach a picture of the page. It shows as a thumbnail with
 * Remove; nothing is captured unless they click.
 */
export function screenshotAttach(capture: () => Promise<string>) {
  let image: string | null = null;
  const add = h(
    'button',
    { type: 'button', class: 'ghost small', id: 'ask-screenshot-add', onclick: () => void take() },
    icon(Camera, 14),
    h('span', null, 'Add screenshot'),
  );
  const preview = h('div', { class: 'screenshot-preview', id: 'ask-screenshot', hidden: true });
  const error = h('p', { class: 'field-error', id: 'ask-screenshot-error', role: 'alert', hidden: true });
  const el = h('div', { class: 'screenshot-attach' }, add, preview, error);

  function show(next: string | null) {
    image = next;
    add.hidden = next !== null;
    preview.hidden = next === null;
    if (!next) return replace(preview);
    replace(
      preview,
      h('img', { src: next, alt: 'Screenshot of the page, to be attached' }),
      h(
        'button',
        {
          type: 'button',
          class: 'ghost small',
          id: 'ask-screenshot-remove',
          onclick: () => {
            show(null);
            add.focus();
          },
        },
        icon(X, 14),
        h('span', null, 'Remove screenshot'),
      ),
    );
  }

  async function take() {
    error.hidden = true;
    add.disabled = true;
    try {
      show(await capture());
    } catch (e) {
      error.textContent = e instanceof CaptureRefused ? e.message : 'The screenshot could not be taken.';
      error.hidden = false;
    } finally {
      add.disabled = false;
    }
  }

  return {
    el,
    /** The chosen picture as a data URL, or null. */
    value: () => image,
    setDisabled(disabled: boolean) {
      add.disabled = disabled;
      el.hidden = disabled;
    },
    reset() {
      show(null);
      error.hidden = true;
    },
  };
}
