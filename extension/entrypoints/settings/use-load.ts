import { useCallback, useEffect, useState } from 'preact/hooks';

/**
 * Loads a section's data on mount and on `reload()`: the last value stays shown while the next load
 * runs (`busy`), and a failure goes to `failed` without losing it.
 */
export function useLoad<T>(load: () => Promise<T>, failed: (e: unknown) => void) {
  const [value, setValue] = useState<T | null>(null);
  const [busy, setBusy] = useState(true);
  const reload = useCallback(async () => {
    setBusy(true);
    try {
      setValue(await load());
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  }, [load, failed]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, setValue, busy, reload };
}
