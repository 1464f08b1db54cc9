import type { IconNode } from 'lucide';
import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';

export type RowAction = 'edit' | 'invite' | 'deactivate' | 'reactivate';

/** Each action's tooltip and its name with the row's person ("Edit Sam Rivera"). */
const labels: Record<RowAction, { short(): string; named(name: string): string }> = {
  edit: { short: () => i18n.t('settings.common.edit'), named: (n) => i18n.t('settings.common.editNamed', [n]) },
  invite: {
    short: () => i18n.t('settings.rowActions.invite'),
    named: (n) => i18n.t('settings.rowActions.invitePerson', [n]),
  },
  deactivate: {
    short: () => i18n.t('settings.rowActions.deactivate'),
    named: (n) => i18n.t('settings.rowActions.deactivatePerson', [n]),
  },
  reactivate: {
    short: () => i18n.t('settings.rowActions.reactivate'),
    named: (n) => i18n.t('settings.rowActions.reactivatePerson', [n]),
  },
};

/** Which row button should take focus; a new object each time, so asking twice focuses twice. */
export interface FocusRequest {
  personId: string;
  action: RowAction;
}

interface ActionButtonProps {
  action: RowAction;
  name: string;
  node: IconNode;
  danger?: boolean;
  focus: FocusRequest | null;
  onClick(): void;
}

/** An icon button named "Edit Sam Rivera": the row's name tells the actions apart for assistive technology. */
export function ActionButton({ action, name, node, danger, focus, onClick }: ActionButtonProps) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus) button.current?.focus();
  }, [focus]);
  return (
    <button
      ref={button}
      type="button"
      class={danger ? 'icon-button danger-action' : 'icon-button'}
      aria-label={labels[action].named(name)}
      title={labels[action].short()}
      onClick={onClick}
    >
      <Icon node={node} />
    </button>
  );
}
