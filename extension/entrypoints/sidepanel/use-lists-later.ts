import { useCallback, useEffect, useState } from 'preact/hooks';

/**
 * Whether the lists wait: opened for a shortcut's composer, they render once it is on screen and the page
 * is idle (none of them shows before), or at once when the person goes to one. The second value ends the wait.
 */
export function useListsLater(composing: boolean): [boolean, () => void] {
  const [later, setLater] = useState(composing);
  useEffect(() => {
    if (!later) return;
    if (typeof requestIdleCallback !== 'function') return void setLater(false);
    const id = requestIdleCallback(() => setLater(false), { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }, [later]);
  return [later, useCallback(() => setLater(false), [])];
}
