import { browser } from 'wxt/browser';

/**
 * The server address a company sets for every browser by policy, in the extension's managed storage
 * (Chrome and Edge: `3rdparty.extensions.<id>`, validated by public/managed_schema.json; Firefox:
 * policies.json's `3rdparty.Extensions.<id>`). README: "Roll out to your company".
 */
export async function readManagedServer(): Promise<string | null> {
  try {
    return normalise((await browser.storage.managed.get('serverUrl')).serverUrl);
  } catch {
    // Firefox with no policy for Tandem: "Managed storage manifest not found". Not managed, then.
    return null;
  }
}

/** A policy's address as the sign-in uses it, or null when it is missing or not an http(s) address. */
export function normalise(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const url = value.trim().replace(/\/+$/, '');
  if (/^https?:\/\/[^/\s]+/i.test(url)) return url;
  if (url) console.warn('[tandem] [policy] serverUrl is not an http(s) address; ignored:', value);
  return null;
}

/** Calls `changed` with the new address when an administrator changes the policy while the browser runs. */
export function watchManagedServer(changed: (url: string | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'managed' && changes.serverUrl) changed(normalise(changes.serverUrl.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
