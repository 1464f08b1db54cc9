import { useCallback, useEffect, useState } from 'preact/hooks';
import { whenIdle } from '../../utils/schedule.ts';

/**
 * Whether the lists wait: opened for a shortcut's composer, they render once it is on screen and the page
 * is idle (none of them shows before), or at once when the person goes to one. The second value ends the wait.
 */
export function useListsLater(composing: boolean): [boolean, () => void] {
  const [later, setLater] = useState(composing);
  useEffect(() => {
    if (later) return whenIdle(() => setLater(false), 1000);
  }, [later]);
  return [later, useCallback(() => setLater(false), [])];
}
