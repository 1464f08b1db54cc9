import { Copy } from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';

interface CopyFieldProps {
  id: string;
  label: string;
  value: string;
  copyLabel: string;
  /** Takes focus when it appears (the first value of a new card). */
  focusFirst?: boolean;
}

/** A read-only value with a label and a Copy button that says when it copied (or selects it to copy by hand). */
export function CopyField({ id, label, value, copyLabel, focusFirst }: CopyFieldProps) {
  const [said, setSaid] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => {
    if (focusFirst) input.current?.focus();
  }, [focusFirst]);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setSaid(i18n.t('settings.copyField.copied'));
    } catch {
      input.current?.select();
      setSaid(i18n.t('settings.copyField.selected'));
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setSaid(''), 4000);
  }

  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="copy-row">
        <input ref={input} id={id} type="text" readOnly value={value} spellcheck={false} class="mono" />
        <button type="button" onClick={() => void copy()}>
          <Icon node={Copy} />
          <span>{copyLabel}</span>
        </button>
        <span class="copied" role="status">
          {said}
        </span>
      </div>
    </div>
  );
}
