import { useCallback, useMemo, useState } from 'preact/hooks';

/** The reason in an error, for a sentence. */
export const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

export interface Notice {
  kind: 'ok' | 'fail';
  text: string;
}

/** What a section last said: `ok` for what just happened, `fail` for what failed; each replaces the other. */
export function useNotice() {
  const [notice, setNotice] = useState<Notice | null>(null);
  const ok = useCallback((text: string) => setNotice({ kind: 'ok', text }), []);
  const fail = useCallback((text: string) => setNotice({ kind: 'fail', text }), []);
  const clear = useCallback(() => setNotice(null), []);
  return useMemo(() => ({ notice, ok, fail, clear }), [notice, ok, fail, clear]);
}
export type Say = ReturnType<typeof useNotice>;

/**
 * A section's two live lines: a calm status (role=status) for what just happened, an alert
 * (role=alert) for what failed. Both stay in the DOM so screen readers hear every change.
 */
export function Notices({ id, notice }: { id: string; notice: Notice | null }) {
  return (
    <>
      <p class="status" role="status" id={`${id}-status`}>
        {notice?.kind === 'ok' ? notice.text : ''}
      </p>
      <p class="form-error" role="alert" id={`${id}-alert`} hidden={notice?.kind !== 'fail'}>
        {notice?.kind === 'fail' ? notice.text : ''}
      </p>
    </>
  );
}
