import type { PersonItem } from '../../utils/api.ts';

interface PeopleSearchProps {
  /** The last list shown, and the search it answered. */
  found: { people: PersonItem[]; query: string } | null;
  search(text: string): void;
}

/** The search box over the people list, and how many people the list shows. */
export function PeopleSearch({ found, search }: PeopleSearchProps) {
  const one = found?.people.length === 1;
  const matching = found?.query ? (one ? ' matches' : ' match') : '';
  return (
    <div class="search-row">
      <div class="field">
        <label for="people-search">Search people</label>
        <input
          id="people-search"
          type="search"
          autocomplete="off"
          spellcheck={false}
          aria-describedby="people-search-hint"
          onInput={(e) => search(e.currentTarget.value)}
        />
        <p class="hint" id="people-search-hint">
          By name, email or title. Inactive people are included.
        </p>
      </div>
      <p class="hint" id="people-count">
        {found ? `${found.people.length} ${one ? 'person' : 'people'}${matching}` : ''}
      </p>
    </div>
  );
}
