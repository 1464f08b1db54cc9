import { Archive, ArrowDown, ArrowUp, type IconNode, Pencil } from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ValueItem } from '../../../shared/values.ts';
import { Icon } from '../../ui/icon.tsx';
import { ValueNameForm } from './value-name-form.tsx';

export type ValueAction = 'up' | 'down' | 'rename' | 'retire';

/** Which row button should take focus; `n` grows with each request, so asking twice focuses twice. */
export interface ValueFocus {
  id: string;
  action: ValueAction | 'restore';
  n: number;
}

interface RowProps {
  value: ValueItem;
  first: boolean;
  last: boolean;
  focus: ValueFocus | null;
  move(by: -1 | 1): void;
  retire(): void;
  /** Saves a new name; throws the refusal for the form to show. */
  rename(name: string): Promise<void>;
  /** The rename form closed (saved or not): focus goes back to the Rename button. */
  closed(): void;
}

interface ButtonProps {
  node: IconNode;
  label: string;
  title: string;
  /** Takes focus when this changes to a number other than 0. */
  focus: number;
  disabled?: boolean;
  onClick(): void;
}

function RowButton(props: ButtonProps) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (props.focus) button.current?.focus();
  }, [props.focus]);
  return (
    <button
      ref={button}
      type="button"
      class="icon-button"
      aria-label={props.label}
      title={props.title}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      <Icon node={props.node} />
    </button>
  );
}

/** An active value: its name (or the form renaming it in place) and its buttons: up, down, rename, retire. */
export function ValueRow({ value, first, last, focus, move, retire, rename, closed }: RowProps) {
  const [renaming, setRenaming] = useState(false);
  const wants = (action: ValueAction) => (focus?.action === action ? focus.n : 0);
  const close = () => {
    setRenaming(false);
    closed();
  };
  if (renaming) {
    return (
      <li class="value-row">
        <ValueNameForm
          id={`rename-${value.id}`}
          label={i18n.t('values.settings.renameLabel', [value.name])}
          initial={value.name}
          submitLabel={i18n.t('values.settings.save')}
          what={i18n.t('values.settings.renameFailed', [value.name])}
          autoFocus
          cancel={close}
          submit={async (name) => {
            await rename(name);
            close();
          }}
        />
      </li>
    );
  }
  return (
    <li class="value-row">
      <span class="value-name" translate={false}>
        {value.name}
      </span>
      <span class="value-actions">
        <RowButton
          node={ArrowUp}
          label={i18n.t('values.settings.moveUpNamed', [value.name])}
          title={i18n.t('values.settings.moveUp')}
          focus={wants('up')}
          disabled={first}
          onClick={() => move(-1)}
        />
        <RowButton
          node={ArrowDown}
          label={i18n.t('values.settings.moveDownNamed', [value.name])}
          title={i18n.t('values.settings.moveDown')}
          focus={wants('down')}
          disabled={last}
          onClick={() => move(1)}
        />
        <RowButton
          node={Pencil}
          label={i18n.t('values.settings.renameNamed', [value.name])}
          title={i18n.t('values.settings.rename')}
          focus={wants('rename')}
          onClick={() => setRenaming(true)}
        />
        <RowButton
          node={Archive}
          label={i18n.t('values.settings.retireNamed', [value.name])}
          title={i18n.t('values.settings.retire')}
          focus={wants('retire')}
          onClick={retire}
        />
      </span>
    </li>
  );
}
