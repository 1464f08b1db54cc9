import { Check } from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';

interface Person {
  id: string;
  name: string;
}

interface AssigneePickerProps {
  /** Everyone the ask may go to: a department's members, possibly a thousand or more. */
  assignees: Person[];
  current: Person | null;
  /** Rejects when the server refused: the picker shows the assignee as it was. */
  onAssign(assigneeId: string | null): Promise<void>;
}

/** How many matches the list shows at once: typing narrows it, so a long list never renders whole. */
export const shownAtOnce = 50;

const id = 'detail-assignee';
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** People whose name holds every word typed, in any order ("riv sam" finds Sam Rivera), accents aside. */
export function matching(people: Person[], query: string): Person[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return people;
  return people.filter((p) => {
    const name = fold(p.name);
    return words.every((w) => name.includes(w));
  });
}

/**
 * "Assign to" as a combobox (ARIA 1.2, list autocomplete): it shows the assignee; typing filters the
 * department's members, arrows move, Enter or a click assigns, Escape puts the assignee back.
 */
export function AssigneePicker({ assignees, current, onAssign }: AssigneePickerProps) {
  /** What is typed; null while the field just shows the assignee. */
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const activeOption = useRef<HTMLDivElement>(null);

  // The assignee stays choosable even if they left the department since.
  const people = current && !assignees.some((p) => p.id === current.id) ? [...assignees, current] : assignees;
  const found = matching(people, query ?? '');
  const options: { id: string | null; name: string }[] = [
    ...(current && !query ? [{ id: null, name: i18n.t('panel.lists.unassigned') }] : []),
    ...found.slice(0, shownAtOnce),
  ];
  const expanded = open && options.length > 0;

  useEffect(() => {
    if (expanded) activeOption.current?.scrollIntoView?.({ block: 'nearest' });
  }, [expanded, active]);

  function close() {
    setOpen(false);
    setQuery(null);
  }

  function pick(option: { id: string | null; name: string }) {
    setOpen(false);
    if (option.id === (current?.id ?? null)) return setQuery(null);
    // The picked name shows while the server assigns; a refusal puts the assignee back.
    setQuery(option.id ? option.name : i18n.t('panel.lists.unassigned'));
    setBusy(true);
    onAssign(option.id)
      .catch(() => {}) // the detail says what went wrong
      .finally(() => {
        setBusy(false);
        setQuery(null);
      });
  }

  function onKeyDown(e: KeyboardEvent) {
    if (busy) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(0);
      } else setActive((i) => Math.max(0, Math.min(options.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter' && expanded) {
      e.preventDefault();
      pick(options[Math.min(active, options.length - 1)]);
    } else if (e.key === 'Escape' && (expanded || query !== null)) {
      e.preventDefault();
      close();
    }
  }

  const more = found.length - shownAtOnce;
  const note =
    open && query && !found.length
      ? i18n.t('panel.lists.manage.noMatch', [query])
      : expanded && more > 0
        ? i18n.t('panel.lists.manage.manyMatch', [found.length, shownAtOnce])
        : '';
  const optionId = (option: { id: string | null }) => `${id}-option-${option.id ?? 'none'}`;
  return (
    <div class="field assignee-picker">
      <label for={id}>{i18n.t('panel.lists.manage.assignTo')}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded ? 'true' : 'false'}
        aria-controls={`${id}-list`}
        aria-activedescendant={expanded ? optionId(options[Math.min(active, options.length - 1)]) : undefined}
        aria-describedby={`${id}-note`}
        aria-busy={busy ? 'true' : undefined}
        readOnly={busy}
        value={query ?? current?.name ?? i18n.t('panel.lists.unassigned')}
        onFocus={(e) => e.currentTarget.select()}
        onClick={() => !busy && setOpen(true)}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      <div
        id={`${id}-list`}
        role="listbox"
        aria-label={i18n.t('panel.lists.manage.members')}
        class="assignee-list"
        hidden={!expanded}
      >
        {expanded
          ? options.map((option, i) => (
              // The keyboard stays in the field (aria-activedescendant): a click is the pointer's way in.
              // biome-ignore lint/a11y/useKeyWithClickEvents: the field's arrow keys and Enter choose options
              <div
                key={option.id ?? ''}
                id={optionId(option)}
                ref={i === active ? activeOption : undefined}
                role="option"
                tabIndex={-1}
                aria-selected={i === active ? 'true' : 'false'}
                class={option.id === (current?.id ?? null) ? 'assignee-option current' : 'assignee-option'}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(option)}
              >
                <span class="assignee-name">{option.name}</span>
                {option.id === (current?.id ?? null) ? <Icon node={Check} size={14} /> : null}
              </div>
            ))
          : null}
      </div>
      <p class="hint" id={`${id}-note`} aria-live="polite">
        {note}
      </p>
    </div>
  );
}
