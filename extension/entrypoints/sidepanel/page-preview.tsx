import { Link } from 'lucide';
import type { PageContext } from '../../../shared/asks.ts';
import { Icon } from '../../ui/icon.tsx';

/** The page an ask is about: its title, its address and the words selected on it, each cut with an ellipsis. */
export function PagePreview({ context }: { context: PageContext }) {
  return (
    <div class="context-preview" id="ask-context">
      <p class="context-title">
        <Icon node={Link} size={14} />
        <span>{context.title || context.url}</span>
      </p>
      <p class="context-url">{context.url}</p>
      {context.selection ? <blockquote class="context-selection">{context.selection}</blockquote> : null}
    </div>
  );
}
