/**
 * Which browser extensions may receive a company sign-in code: their redirect URLs' origins, made from the
 * operator's list. Each entry is a Chrome extension id (32 letters a-p: `https://<id>.chromiumapp.org/`),
 * a Firefox add-on id (`tandem@example.com` or `{uuid}`: Firefox's getRedirectURL() is
 * `https://<sha1 of the id, hex>.extensions.allizom.org/`), or a redirect URL itself (`https://…`).
 */
export async function redirectOrigins(entries: readonly string[]): Promise<Set<string>> {
  const origins = new Set<string>();
  for (const entry of entries) {
    if (/^[a-p]{32}$/.test(entry)) origins.add(`https://${entry}.chromiumapp.org`);
    else if (/^https:\/\//i.test(entry)) origins.add(new URL(entry).origin);
    else origins.add(`https://${await sha1Hex(entry)}.extensions.allizom.org`);
  }
  return origins;
}

/** Splits a comma-separated setting (TANDEM_SSO_EXTENSIONS, SSO_EXTENSIONS) into its entries. */
export function parseExtensions(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
}

/** Whether a redirect URL belongs to an allowed extension: https, its origin listed, no credentials. */
export function isAllowedRedirect(origins: ReadonlySet<string>, redirectUri: string): boolean {
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && !url.username && !url.password && origins.has(url.origin);
}

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
