import type { IconNode } from 'lucide';
import { useEffect, useRef } from 'preact/hooks';
import { Icon } from '../../ui/icon.tsx';

export type RowAction = 'Edit' | 'Invite' | 'Deactivate' | 'Reactivate';

/** Which row button should take focus; a new object each time, so asking twice focuses twice. */
export interface FocusRequest {
  personId: string;
  action: RowAction;
}

interface ActionButtonProps {
  label: RowAction;
  name: string;
  node: IconNode;
  danger?: boolean;
  focus: FocusRequest | null;
  onClick(): void;
}

/** An icon button named "Edit Sam Rivera": the row's name tells the actions apart for assistive technology. */
export function ActionButton({ label, name, node, danger, focus, onClick }: ActionButtonProps) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus) button.current?.focus();
  }, [focus]);
  return (
    <button
      ref={button}
      type="button"
      class={danger ? 'icon-button danger-action' : 'icon-button'}
      aria-label={`${label} ${name}`}
      title={label}
      onClick={onClick}
    >
      <Icon node={node} />
    </button>
  );
}
