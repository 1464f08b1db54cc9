import { useEffect, useState } from 'preact/hooks';

/**
 * A component loaded from its own chunk once `when` first holds (null until then): views the first paint
 * does not show keep their code out of the panel's first script.
 */
export function useLazy<C>(load: () => Promise<C>, when: boolean): C | null {
  const [loaded, setLoaded] = useState<C | null>(null);
  useEffect(() => {
    if (when && !loaded)
      load().then(
        (c) => setLoaded(() => c),
        (e: unknown) => console.error('[tandem] [sidepanel] could not load a view', e),
      );
  }, [when, loaded]);
  return loaded;
}
