import './cause-chooser.css';
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CauseChooserProps } from './cause-chooser.tsx';

/**
 * Where the cause chooser appears: loaded with import() the first time a step calls for it, so the panel's first
 * paint carries none of its script. Its few rules come with the panel's styles (a lazily loaded chunk's own
 * stylesheet was not applied in the built panel, as its e2e screenshots showed).
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
