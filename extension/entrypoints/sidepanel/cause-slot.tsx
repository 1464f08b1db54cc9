import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CauseChooserProps } from './cause-chooser.tsx';

/**
 * Where the cause chooser appears: loaded with import() the first time a step calls for it, so the panel's first
 * paint carries none of it.
 */
export function CauseSlot(props: CauseChooserProps) {
  const [Chooser, setChooser] = useState<FunctionComponent<CauseChooserProps> | null>(null);
  useEffect(() => {
    let live = true;
    import('./cause-chooser.tsx').then(
      (m) => live && setChooser(() => m.CauseChooser),
      () => {}, // optional: without its code, the step stands without a cause
    );
    return () => {
      live = false;
    };
  }, []);
  return Chooser ? <Chooser {...props} /> : null;
}
