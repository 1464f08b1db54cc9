import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * Runs work once the next render is on screen: focus moves to a view that a state change is about to
 * show (a hidden element cannot take focus).
 */
export function useAfterRender(): (work: () => void) => void {
  const queued = useRef<(() => void)[]>([]);
  const [, rerender] = useState(0);
  useLayoutEffect(() => {
    for (const work of queued.current.splice(0)) work();
  });
  return useCallback((work: () => void) => {
    queued.current.push(work);
    rerender((n) => n + 1);
  }, []);
}
