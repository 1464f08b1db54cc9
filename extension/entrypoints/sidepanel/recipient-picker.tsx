import './recipient-picker.css';
import type { Ref } from 'preact';
import { useImperativeHandle, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { limits } from '../../../shared/limits.ts';
import { reason } from '../../ui/notices.tsx';
import { useListbox } from '../../ui/use-listbox.ts';
import { type SearchRequest, useSearch } from '../../ui/use-search.ts';
import type { DirectoryItem } from '../../utils/api.ts';
import { RecipientChips } from './recipient-chips.tsx';
import { RecipientOption } from './recipient-option.tsx';

export interface PickerHandle {
  /** Puts the cursor in the field; `quiet` does not open the suggestions (an error under it stays in view). */
  focus(quiet?: boolean): void;
}

interface RecipientPickerProps {
  id: string;
  label: string;
  search(q: string): Promise<DirectoryItem[]>;
  picked: DirectoryItem[];
  onChange(picked: DirectoryItem[]): void;
  /** Several recipients (Thank) or exactly one (Ask: a new pick replaces the old). */
  multiple: boolean;
  error?: string | null;
  handle: Ref<PickerHandle>;
}

type Answer = { q: string; entries: DirectoryItem[] } | { q: string; failed: string };

const keyOf = (e: { kind: string; id: string }) => `${e.kind}:${e.id}`;

/** A combobox over people and departments (ARIA 1.2 pattern), with picked recipients as removable chips. */
export function RecipientPicker({
  id,
  label,
  search,
  picked,
  onChange,
  multiple,
  error,
  handle,
}: RecipientPickerProps) {
  const [query, setQuery] = useState('');
  const [wanted, setWanted] = useState<SearchRequest | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const quiet = useRef(false);

  const taken = new Set(picked.map(keyOf));
  const results = answer && 'entries' in answer ? answer.entries.filter((e) => !taken.has(keyOf(e))) : [];
  const shown = open && results.length > 0;
  const listbox = useListbox<HTMLLIElement>({
    count: results.length,
    shown,
    wrap: true,
    initial: -1,
    show: () => setOpen(true),
    choose: (i) => pick(results[i]),
    dismiss() {
      if (shown) setOpen(false);
      return shown;
    },
  });
  const { active: current, setActive } = listbox;
  const typed = query.trim();
  const note =
    answer && 'failed' in answer
      ? i18n.t('panel.compose.picker.searchFailed', [answer.failed])
      : typed && answer?.q && results.length === 0
        ? i18n.t('panel.compose.picker.noMatch', [answer.q])
        : '';

  function pick(entry: DirectoryItem) {
    onChange(multiple ? [...picked, entry].slice(0, limits.recipientsPerThank) : [entry]);
    setQuery('');
    setAnswer(null);
    setOpen(false);
    input.current?.focus();
  }

  useSearch(
    wanted,
    search,
    (w, entries) => {
      setAnswer({ q: w.q, entries });
      setActive(-1);
      const fresh = entries.filter((e) => !taken.has(keyOf(e)));
      if (w.pickFirst && fresh.length) pick(fresh[0]);
    },
    (w, e) => setAnswer({ q: w.q, failed: reason(e) }),
  );

  useImperativeHandle(handle, () => ({
    focus(beQuiet = false) {
      quiet.current = beQuiet;
      input.current?.focus();
      quiet.current = false;
    },
  }));

  function onKeyDown(e: KeyboardEvent) {
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !results.length) {
      // Nothing to move through yet: open and search for what is typed.
      e.preventDefault();
      setOpen(true);
      setWanted({ q: typed, delay: 0 });
      return;
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) return; // the form's shortcut to send
    if (e.key === 'Enter' && typed && typed !== answer?.q) {
      // Typed faster than the search: pick from the results for what is typed now, not the stale list.
      e.preventDefault();
      setWanted({ q: typed, delay: 0, pickFirst: true });
      return;
    }
    if (listbox.onKeyDown(e)) return;
    if (e.key === 'Backspace' && query === '' && picked.length) onChange(picked.slice(0, -1));
  }

  const listId = `${id}-listbox`;
  return (
    <div class="field picker">
      <label for={id}>{label}</label>
      <RecipientChips
        picked={picked}
        remove={(entry) => {
          onChange(picked.filter((p) => keyOf(p) !== keyOf(entry)));
          input.current?.focus();
        }}
      />
      <div class="picker-box">
        <input
          ref={input}
          id={id}
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck={false}
          aria-autocomplete="list"
          aria-expanded={shown ? 'true' : 'false'}
          aria-controls={listId}
          aria-activedescendant={current >= 0 ? `${id}-option-${current}` : undefined}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          maxLength={limits.searchQuery}
          placeholder={i18n.t(
            picked.length && !multiple ? 'panel.compose.picker.change' : 'panel.compose.picker.search',
          )}
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setOpen(true);
            setWanted({ q: e.currentTarget.value.trim(), delay: 80 });
          }}
          onFocus={() => {
            if (quiet.current) return;
            setOpen(true);
            setWanted({ q: typed, delay: 0 });
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul
          id={listId}
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the combobox's list of options
          role="listbox"
          class="picker-list"
          aria-label={i18n.t('panel.compose.picker.matches')}
          hidden={!shown}
        >
          {results.map((entry, i) => (
            <RecipientOption
              key={keyOf(entry)}
              id={`${id}-option-${i}`}
              entry={entry}
              active={i === current}
              optionRef={i === current ? listbox.activeOption : undefined}
              choose={() => pick(entry)}
            />
          ))}
        </ul>
      </div>
      <p class="picker-note" aria-live="polite">
        {note}
      </p>
      <p class="field-error" id={`${id}-error`} hidden={!error}>
        {error ?? ''}
      </p>
    </div>
  );
}
