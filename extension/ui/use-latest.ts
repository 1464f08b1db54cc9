import { useRef } from 'preact/hooks';

/**
 * A ref that always holds this render's value: for callbacks made once (a poller, a storage watcher)
 * that must call the handlers of the latest render.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
