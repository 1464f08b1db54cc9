import { useEffect } from 'preact/hooks';

/** What a picker asks to search for: a new object each time, so the same words asked again search again. */
export interface SearchRequest {
  q: string;
  /** How long to wait first (typing debounces; opening the list does not). */
  delay: number;
  /** Enter came before the answer: pick the first match once it arrives. */
  pickFirst?: boolean;
}

/**
 * One search at a time: after the request's delay, asks `search`; a newer request (or null, on closing)
 * drops the answer of the one before, so a slower old answer never replaces a newer one.
 */
export function useSearch<R extends SearchRequest, T>(
  wanted: R | null,
  search: (q: string) => Promise<T>,
  answered: (request: R, result: T) => void,
  failed: (request: R, cause: unknown) => void,
): void {
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    const timer = setTimeout(() => {
      search(wanted.q).then(
        (result) => live && answered(wanted, result),
        (cause: unknown) => live && failed(wanted, cause),
      );
    }, wanted.delay);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wanted]);
}
