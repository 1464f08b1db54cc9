import './toggle-group.css';
import type { IconNode } from 'lucide';
import { Icon } from './icon.tsx';

export interface ToggleOption<K extends string> {
  key: K;
  label: string;
  icon?: IconNode;
  id?: string;
  /** A count beside the label; 0 hides it. Decorative: the view itself says how many. */
  count?: number;
  hidden?: boolean;
}

interface ToggleGroupProps<K extends string> {
  as?: 'nav' | 'div';
  label: string;
  class: string;
  options: ToggleOption<K>[];
  /** None while something else covers the views (the panel's notification settings). */
  selected: K | null;
  select(key: K): void;
}

/**
 * A row of plain buttons where one is pressed (aria-pressed): the panel's views, the inbox's lists, the
 * managers' page sections. Plain buttons keep Tab order simple and their names exact ("Inbox", "For me").
 */
export function ToggleGroup<K extends string>({
  as = 'div',
  label,
  options,
  selected,
  select,
  ...rest
}: ToggleGroupProps<K>) {
  const Tag = as;
  return (
    <Tag class={rest.class} aria-label={label} role={as === 'div' ? 'group' : undefined}>
      {options.map((o) => (
        <button
          key={o.key}
          type="button"
          id={o.id}
          aria-pressed={o.key === selected ? 'true' : 'false'}
          hidden={o.hidden}
          title={o.label}
          onClick={() => select(o.key)}
        >
          {o.icon ? <Icon node={o.icon} /> : null}
          <span class="toggle-label">{o.label}</span>
          <span class="toggle-count" aria-hidden="true" hidden={!o.count}>
            {o.count && o.count > 99 ? '99+' : (o.count ?? '')}
          </span>
        </button>
      ))}
    </Tag>
  );
}
