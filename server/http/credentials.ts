/** Secrets for sign-in codes and tokens, and their hashes: WebCrypto, so Node and Workers alike. */

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O or 1/I: codes get read aloud and typed

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

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
  return `tdm_${orgId}_${base64url(crypto.getRandomValues(new Uint8Array(32)))}`;
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

/** A company sign-in exchange code, `<orgId>.<43 url-safe chars>` (256 bits), handed over in a redirect. */
export function newExchangeCode(orgId: string): string {
  return `${orgId}.${base64url(crypto.getRandomValues(new Uint8Array(32)))}`;
}

/** PKCE's S256: BASE64URL(SHA-256(verifier)), as the extension made its challenge (RFC 7636 §4.2). */
export async function s256(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/**
 * What an exchange code is stored under: the code bound to the redirect URL and PKCE challenge it was issued
 * for, so redeeming it with another redirect URL or a verifier that does not match finds nothing.
 */
export function exchangeCodeHash(code: string, redirectUri: string, challenge: string): Promise<string> {
  return sha256Hex(`company-sign-in\n${code}\n${redirectUri}\n${challenge}`);
}
