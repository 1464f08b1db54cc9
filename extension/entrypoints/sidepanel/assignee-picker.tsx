import { Check } from 'lucide';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';
import { reason } from '../../ui/notices.tsx';
import { useListbox } from '../../ui/use-listbox.ts';
import { type SearchRequest, useSearch } from '../../ui/use-search.ts';
import { ApiProblem, type AssigneeItem } from '../../utils/api.ts';

interface AssigneePickerProps {
  /** The department's members whose name holds every word of `q` (the server's search, a page at most). */
  search(q: string): Promise<AssigneeItem[]>;
  current: Pick<AssigneeItem, 'id' | 'name'> | null;
  /** Rejects when the server refused: the picker shows the assignee as it was. */
  onAssign(assigneeId: string | null, name: string): Promise<void>;
}

/** How many members one search asks for: typing narrows it, a department of thousands is never listed whole. */
export const pageOfMembers = 20;
/** Typing waits this long before searching, so a burst of keys is one request. */
export const searchDelayMs = 150;

const id = 'detail-assignee';
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Whether a name holds every word typed, in any order ("riv sam" finds Sam Rivera), accents aside. */
export function matches(name: string, query: string): boolean {
  const folded = fold(name);
  return fold(query)
    .split(/\s+/)
    .every((w) => folded.includes(w));
}

type Option = { id: string | null; name: string; title?: string };
type Answer = { q: string; people: AssigneeItem[] } | { q: string; failed: unknown };

/**
 * "Assign to" as a combobox (ARIA 1.2, list autocomplete): it shows the assignee; typing searches the
 * department's members on the server (the latest answer wins), arrows move, Enter or a click assigns,
 * Escape puts the assignee back.
 */
export function AssigneePicker({ search, current, onAssign }: AssigneePickerProps) {
  /** What is typed; null while the field just shows the assignee. */
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [wanted, setWanted] = useState<SearchRequest | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);

  const typed = (query ?? '').trim();
  const found = answer && 'people' in answer ? answer.people : [];
  // The assignee stays choosable even if they left the department since: added when a whole answer
  // (less than a page) for what is typed leaves them out.
  const whole = answer?.q === typed && found.length < pageOfMembers;
  const keepCurrent = current && whole && !found.some((p) => p.id === current.id) && matches(current.name, typed);
  const options: Option[] = [
    ...(current && !typed ? [{ id: null, name: i18n.t('panel.lists.unassigned') }] : []),
    ...found,
    ...(keepCurrent ? [current] : []),
  ];
  const expanded = open && options.length > 0;
  const listbox = useListbox<HTMLDivElement>({
    count: options.length,
    shown: expanded,
    wrap: false,
    initial: 0,
    show: () => openList(),
    choose: (i) => pick(options[i]),
    dismiss() {
      if (!expanded && query === null) return false;
      close();
      return true;
    },
  });
  const { active, setActive } = listbox;

  useSearch(
    wanted,
    search,
    (w, people) => {
      setAnswer({ q: w.q, people });
      setActive(0);
      if (w.pickFirst && people.length) pick(people[0]);
    },
    (w, failed) => setAnswer({ q: w.q, failed }),
  );

  function openList() {
    if (busy) return;
    setOpen(true);
    setWanted({ q: typed, delay: 0 });
  }

  function close() {
    setOpen(false);
    setQuery(null);
    setWanted(null);
  }

  function pick(option: Option) {
    setOpen(false);
    setWanted(null);
    if (option.id === (current?.id ?? null)) return setQuery(null);
    // The picked name shows while the server assigns; a refusal puts the assignee back.
    setQuery(option.id ? option.name : i18n.t('panel.lists.unassigned'));
    setBusy(true);
    onAssign(option.id, option.name)
      .catch(() => {}) // the detail says what went wrong
      .finally(() => {
        setBusy(false);
        setQuery(null);
      });
  }

  function onKeyDown(e: KeyboardEvent) {
    if (busy) return;
    if (e.key === 'Enter' && open && typed && answer?.q !== typed) {
      // Typed faster than the search: assign from the answer for what is typed now, not the stale list.
      e.preventDefault();
      setWanted({ q: typed, delay: 0, pickFirst: true });
      return;
    }
    listbox.onKeyDown(e);
  }

  const failed = answer && 'failed' in answer ? answer.failed : null;
  let note = '';
  if (open && failed) {
    note =
      failed instanceof ApiProblem && failed.code === 'network'
        ? i18n.t('panel.lists.manage.searchOffline')
        : i18n.t('panel.lists.manage.searchFailed', [reason(failed)]);
  } else if (open && typed && answer?.q === typed && !options.length) {
    note = i18n.t('panel.lists.manage.noMatch', [typed]);
  } else if (expanded && found.length >= pageOfMembers) {
    note = i18n.t('panel.lists.manage.moreMatch', [found.length]);
  }
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
        aria-activedescendant={active >= 0 ? optionId(options[active]) : undefined}
        aria-describedby={`${id}-note`}
        aria-busy={busy ? 'true' : undefined}
        readOnly={busy}
        value={query ?? current?.name ?? i18n.t('panel.lists.unassigned')}
        onFocus={(e) => e.currentTarget.select()}
        onClick={() => !open && openList()}
        onInput={(e) => {
          const text = e.currentTarget.value;
          setQuery(text);
          setOpen(true);
          setActive(0);
          setWanted({ q: text.trim(), delay: searchDelayMs });
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
                ref={i === active ? listbox.activeOption : undefined}
                role="option"
                tabIndex={-1}
                aria-selected={i === active ? 'true' : 'false'}
                class={option.id === (current?.id ?? null) ? 'assignee-option current' : 'assignee-option'}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(option)}
              >
                <span class="assignee-name">{option.name}</span>
                {option.title ? <span class="assignee-title">{option.title}</span> : null}
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
