/** Secrets for sign-in codes and tokens, and their hashes: WebCrypto, so Node and Workers alike. */

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O or 1/I: codes get read aloud and typed

function randomString(length: number, chars: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => chars[b % chars.length]).join('');
}

/** A sign-in code, `<orgId>.XXXX-XXXX`: short enough to type, carries its organisation. */
export function newSignInCode(orgId: string): string {
  return `${orgId}.${randomString(4, alphabet)}-${randomString(4, alphabet)}`;
}

/** A bearer token, `tdm_<orgId>_<43 url-safe chars>` (256 bits). */
export function newToken(orgId: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const secret = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return `tdm_${orgId}_${secret}`;
}

// WebCrypto digests cost more than the rest of a request on Node; a token's hash never changes.
const recentHashes = new Map<string, string>();

export async function sha256Hex(text: string): Promise<string> {
  const cached = recentHashes.get(text);
  if (cached) return cached;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  if (recentHashes.size >= 10_000) recentHashes.delete(recentHashes.keys().next().value as string);
  recentHashes.set(text, hex);
  return hex;
}
