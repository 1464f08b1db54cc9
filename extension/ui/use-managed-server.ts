import { useLayoutEffect, useState } from 'preact/hooks';
import { readManagedServer, watchManagedServer } from '../utils/managed-server.ts';

/**
 * The server address set by the company's policy: a string when managed, null when not, undefined until read
 * (wait for it, or the address field would flash before it goes).
 */
export function useManagedServer(): string | null | undefined {
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useLayoutEffect(() => {
    let current = true;
    void readManagedServer().then((read) => current && setUrl(read));
    const unwatch = watchManagedServer(setUrl);
    return () => {
      current = false;
      unwatch();
    };
  }, []);
  return url;
}
