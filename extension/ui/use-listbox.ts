import { useEffect, useRef, useState } from 'preact/hooks';

export interface ListboxKeys {
  /** How many options the list holds now. */
  count: number;
  /** Whether the list shows now. */
  shown: boolean;
  /** Arrows go round from the last option to the first and back (else they stop at the ends). */
  wrap: boolean;
  /** The active option when the list opens: none (-1) or the first (0). */
  initial: -1 | 0;
  /** An arrow while the list is hidden: show it. */
  show(): void;
  /** Enter while the list shows: the active option's index (the first when none is active). */
  choose(index: number): void;
  /** Escape: close what is open and say whether anything was (else the key goes on, to the page). */
  dismiss(): boolean;
}

/**
 * The keyboard of a combobox's listbox (ARIA 1.2; focus stays in the field, which points at the active
 * option with aria-activedescendant): Up and Down move the active option, Enter chooses it, Escape
 * closes, and the active option is kept in view. Home and End stay with the field's caret, as in an
 * editable combobox. `onKeyDown` answers whether it used the key.
 */
export function useListbox<E extends HTMLElement>(keys: ListboxKeys) {
  const [active, setActive] = useState<number>(keys.initial);
  const activeOption = useRef<E>(null);
  const { count, shown } = keys;
  /** The active option's index, or -1 while the list is hidden or none is active. */
  const current = shown && count > 0 ? Math.min(active, count - 1) : -1;

  useEffect(() => {
    if (current >= 0) activeOption.current?.scrollIntoView?.({ block: 'nearest' });
  }, [current, shown]);

  function onKeyDown(e: KeyboardEvent): boolean {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      if (!shown) {
        keys.show();
        if (!keys.wrap) {
          setActive(0);
          return true;
        }
      }
      const from = shown ? current : -1;
      if (!keys.wrap) setActive(Math.max(0, Math.min(count - 1, from + step)));
      else if (count > 0) setActive(from < 0 ? (step > 0 ? 0 : count - 1) : (from + step + count) % count);
      return true;
    }
    if (e.key === 'Enter' && shown && count > 0) {
      e.preventDefault();
      keys.choose(Math.max(current, 0));
      return true;
    }
    if (e.key === 'Escape' && keys.dismiss()) {
      e.preventDefault();
      e.stopPropagation();
      return true;
    }
    return false;
  }

  return { active: current, setActive, activeOption, onKeyDown };
}
