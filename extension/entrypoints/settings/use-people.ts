import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DepartmentItem, PersonItem } from '../../utils/api.ts';
import { debounce } from '../../utils/debounce.ts';
import { useSettings } from './settings-context.ts';

/**
 * The people matching the search, and the departments to name theirs: loaded on mount, on `reload()`,
 * and 250 ms after the search changes. An answer overtaken by a newer request is dropped.
 */
export function usePeople(failed: (e: unknown) => void) {
  const { client, departments } = useSettings();
  const query = useRef('');
  const request = useRef(0);
  const [found, setFound] = useState<{ people: PersonItem[]; query: string } | null>(null);
  const [departmentList, setDepartmentList] = useState<DepartmentItem[]>([]);
  const [busy, setBusy] = useState(true);

  const reload = useCallback(async () => {
    const mine = ++request.current;
    const q = query.current;
    setBusy(true);
    try {
      const [{ people }, list] = await Promise.all([client.people(q), departments.get().catch(() => [])]);
      if (mine !== request.current) return;
      setDepartmentList(list);
      setFound({ people, query: q });
    } catch (e) {
      if (mine === request.current) failed(e);
    } finally {
      if (mine === request.current) setBusy(false);
    }
  }, [client, departments, failed]);
  const debounced = useMemo(() => debounce(() => void reload(), 250), [reload]);
  useEffect(() => {
    void reload();
    // Answers that arrive after the section closed are dropped.
    return () => void request.current++;
  }, [reload]);

  const search = (text: string) => {
    query.current = text.trim();
    debounced();
  };
  /** The departments as they are now, for a form about to open. */
  const refreshDepartments = () =>
    departments
      .get()
      .then(setDepartmentList)
      .catch(() => {});

  return { found, departmentList, busy, reload, search, refreshDepartments };
}
