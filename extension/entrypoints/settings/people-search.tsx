import { i18n } from '#i18n';
import type { PersonItem } from '../../utils/api.ts';
import { num } from '../../utils/format.ts';

interface PeopleSearchProps {
  /** The last list shown, and the search it answered. */
  found: { people: PersonItem[]; query: string } | null;
  search(text: string): void;
}

/** "2 people", or "1 person matches" a search. */
function countText({ people, query }: { people: PersonItem[]; query: string }) {
  const n = people.length;
  return query
    ? i18n.t('settings.peopleSearch.matching', n, [num(n)])
    : i18n.t('settings.peopleSearch.count', n, [num(n)]);
}

/** The search box over the people list, and how many people the list shows. */
export function PeopleSearch({ found, search }: PeopleSearchProps) {
  return (
    <div class="search-row">
      <div class="field">
        <label for="people-search">{i18n.t('settings.peopleSearch.label')}</label>
        <input
          id="people-search"
          type="search"
          autocomplete="off"
          spellcheck={false}
          aria-describedby="people-search-hint"
          onInput={(e) => search(e.currentTarget.value)}
        />
        <p class="hint" id="people-search-hint">
          {i18n.t('settings.peopleSearch.hint')}
        </p>
      </div>
      <p class="hint" id="people-count">
        {found ? countText(found) : ''}
      </p>
    </div>
  );
}
