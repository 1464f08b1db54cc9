import { useEffect, useState } from 'preact/hooks';
import { whenIdle } from '../../utils/schedule.ts';

/**
 * A component loaded from its own chunk (null until then): views the first paint does not show keep their
 * code out of the panel's first script. `idle` loads it when the page is next idle (not in the frames
 * that paint what the person waits for), `now` at once; false not yet.
 */
export function useLazy<C>(load: () => Promise<C>, when: 'now' | 'idle' | false): C | null {
  const [loaded, setLoaded] = useState<C | null>(null);
  useEffect(() => {
    if (!when || loaded) return;
    const start = () =>
      load().then(
        (c) => setLoaded(() => c),
        (e: unknown) => console.error('[tandem] [sidepanel] could not load a view', e),
      );
    if (when === 'now') return void start();
    return whenIdle(start, 2000);
  }, [when, loaded]);
  return loaded;
}
