import { useMemo } from 'preact/hooks';
import { freshMeItem, sessionItem, withFreshMe } from '../utils/storage.ts';
import { useStored } from './use-stored.ts';

/** The stored session with the person's freshest details, kept current; undefined until both are read. */
export function useSession(where: string) {
  const session = useStored(sessionItem, where);
  const fresh = useStored(freshMeItem, where);
  return useMemo(
    () => (session === undefined || fresh === undefined ? undefined : withFreshMe(session, fresh)),
    [session, fresh],
  );
}
