import { Building2, User } from 'lucide';
import type { Ref } from 'preact';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';
import type { DirectoryItem } from '../../utils/api.ts';

interface RecipientOptionProps {
  id: string;
  entry: DirectoryItem;
  active: boolean;
  optionRef?: Ref<HTMLLIElement>;
  choose(): void;
}

/** One suggestion in the picker's listbox: name, what they do, and (for screen readers) person or department. */
export function RecipientOption({ id, entry, active, optionRef, choose }: RecipientOptionProps) {
  // The ARIA 1.2 combobox: the focus stays in the field, which moves the active option
  // (aria-activedescendant) and picks it with Enter; options take clicks, not the focus.
  return (
    // biome-ignore lint/a11y/useFocusableInteractive: see above
    // biome-ignore lint/a11y/useKeyWithClickEvents: the field handles the keys (see above)
    <li
      ref={optionRef}
      id={id}
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a listbox's option, as a list item
      role="option"
      aria-selected={active ? 'true' : 'false'}
      class="option"
      // Keeps the focus in the field, so the click does not close the list before it lands.
      onMouseDown={(e) => e.preventDefault()}
      onClick={choose}
    >
      <Icon node={entry.kind === 'person' ? User : Building2} />
      <span class="option-name" translate={false}>
        {entry.name}
      </span>
      <span class="option-detail" translate={false}>
        {entry.detail}
      </span>
      <span class="sr-only">
        {i18n.t(entry.kind === 'department' ? 'panel.compose.picker.department' : 'panel.compose.picker.person')}
      </span>
    </li>
  );
}
