import './recipient-picker.css';
import { Building2, User, X } from 'lucide';
import { limits } from '../../shared/limits.ts';
import type { DirectoryItem } from '../utils/api.ts';
import { showError } from './field.ts';
import { h, replace } from './h.ts';
import { icon } from './icon.ts';

export interface RecipientPickerOptions {
  id: string;
  label: string;
  search: (q: string) => Promise<DirectoryItem[]>;
  /** Fired whenever the picked recipients change. */
  onChange?: (picked: DirectoryItem[]) => void;
}

export interface RecipientPicker {
  el: HTMLElement;
  input: HTMLInputElement;
  picked(): DirectoryItem[];
  /** Several recipients (Thank) or exactly one (Ask: a new pick replaces the old). */
  setMultiple(multiple: boolean): void;
  clear(): void;
  setError(message: string | null): void;
  focusQuietly(): void;
}

const keyOf = (e: { kind: string; id: string }) => `${e.kind}:${e.id}`;

/** A combobox over people and departments (ARIA 1.2 pattern), with picked recipients as removable chips. */
export function recipientPicker(opts: RecipientPickerOptions): RecipientPicker {
  let multiple = false;
  let picked: DirectoryItem[] = [];
  let results: DirectoryItem[] = [];
  let active = -1;
  /** The query the shown results answer. */
  let resultsFor: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let requestSeq = 0;
  let quietFocus = false;

  const listId = `${opts.id}-listbox`;
  const input = h('input', {
    id: opts.id,
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    maxlength: limits.searchQuery,
    placeholder: 'Search people or departments',
  });
  const list = h('ul', {
    id: listId,
    role: 'listbox',
    class: 'picker-list',
    'aria-label': 'Matching people and departments',
    hidden: true,
  });
  const note = h('p', { class: 'picker-note', 'aria-live': 'polite' });
  const chips = h('ul', { class: 'chips', 'aria-label': 'Recipients' });
  const error = h('p', { class: 'field-error', id: `${opts.id}-error`, hidden: true });

  const open = (isOpen: boolean) => {
    list.hidden = !isOpen || results.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
    if (list.hidden) setActive(-1);
  };

  const setActive = (index: number) => {
    active = index;
    for (const [i, li] of [...list.children].entries()) li.setAttribute('aria-selected', String(i === index));
    const li = list.children[index] as HTMLElement | undefined;
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const renderResults = () => {
    replace(
      list,
      results.map((entry, i) =>
        h(
          'li',
          {
            id: `${opts.id}-option-${i}`,
            role: 'option',
            'aria-selected': 'false',
            class: 'option',
            onmousedown: (e: MouseEvent) => e.preventDefault(),
            onclick: () => pick(entry),
          },
          icon(entry.kind === 'person' ? User : Building2),
          h('span', { class: 'option-name' }, entry.name),
          h('span', { class: 'option-detail' }, entry.detail),
          h('span', { class: 'sr-only' }, entry.kind === 'department' ? ', department' : ', person'),
        ),
      ),
    );
  };

  const search = (q: string): Promise<void> => {
    const seq = ++requestSeq;
    clearTimeout(timer);
    return opts
      .search(q)
      .then((entries) => {
        if (seq !== requestSeq) return;
        resultsFor = q;
        const taken = new Set(picked.map(keyOf));
        results = entries.filter((e) => !taken.has(keyOf(e)));
        renderResults();
        note.textContent = results.length === 0 ? (q ? `No one matches “${q}”.` : '') : '';
        open(document.activeElement === input);
      })
      .catch((e: unknown) => {
        if (seq !== requestSeq) return;
        results = [];
        open(false);
        note.textContent = `Search failed: ${e instanceof Error ? e.message : String(e)}`;
      });
  };

  const scheduleSearch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value.trim()), 80);
  };

  const renderChips = () => {
    replace(
      chips,
      picked.map((entry) =>
        h(
          'li',
          { class: 'chip' },
          icon(entry.kind === 'person' ? User : Building2, 14),
          h('span', null, entry.name),
          h(
            'button',
            {
              type: 'button',
              class: 'chip-remove',
              'aria-label': `Remove ${entry.name}`,
              onclick: () => remove(entry),
            },
            icon(X, 14),
          ),
        ),
      ),
    );
    chips.hidden = picked.length === 0;
    input.placeholder = picked.length && !multiple ? 'Change recipient' : 'Search people or departments';
  };

  const changed = () => {
    renderChips();
    opts.onChange?.(picked);
  };

  function pick(entry: DirectoryItem) {
    picked = multiple ? [...picked, entry].slice(0, limits.recipientsPerThank) : [entry];
    input.value = '';
    results = [];
    open(false);
    setError(null);
    changed();
    input.focus();
  }

  function remove(entry: DirectoryItem) {
    picked = picked.filter((p) => keyOf(p) !== keyOf(entry));
    changed();
    input.focus();
  }

  function setError(message: string | null) {
    showError(input, error, message);
  }

  /** Focus without opening the list, so an error message under the input stays visible. */
  function focusQuietly() {
    quietFocus = true;
    input.focus();
    quietFocus = false;
  }

  input.addEventListener('input', scheduleSearch);
  input.addEventListener('focus', () => {
    if (!quietFocus) void search(input.value.trim());
  });
  input.addEventListener('blur', () => open(false));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.hidden) {
        open(true);
        if (list.hidden) return search(input.value.trim());
      }
      const n = results.length;
      setActive(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      const q = input.value.trim();
      if (q && q !== resultsFor) {
        // Typed faster than the search: pick from the results for what is typed now, not the stale list.
        e.preventDefault();
        void search(q).then(() => {
          if (resultsFor === q && results.length) pick(results[0]);
        });
      } else if (!list.hidden && results.length) {
        e.preventDefault();
        pick(results[Math.max(active, 0)]);
      }
    } else if (e.key === 'Escape') {
      if (!list.hidden) {
        e.preventDefault();
        e.stopPropagation();
        open(false);
      }
    } else if (e.key === 'Backspace' && input.value === '' && picked.length) {
      remove(picked[picked.length - 1]);
    }
  });

  const el = h(
    'div',
    { class: 'field picker' },
    h('label', { for: opts.id }, opts.label),
    chips,
    h('div', { class: 'picker-box' }, input, list),
    note,
    error,
  );
  renderChips();

  return {
    el,
    input,
    picked: () => [...picked],
    setMultiple(value) {
      multiple = value;
      if (!multiple && picked.length > 1) picked = picked.slice(0, 1);
      changed();
    },
    clear() {
      picked = [];
      input.value = '';
      setError(null);
      changed();
    },
    setError,
    focusQuietly,
  };
}
