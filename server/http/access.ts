/**
 * Cloudflare Access: verifies the `Cf-Access-Jwt-Assertion` JWT (RS256) against the team's JWKS,
 * its issuer and audience. Keys are cached; an unknown key id refreshes them (Access rotates keys),
 * at most once a minute so a flood of forged key ids cannot hammer the JWKS endpoint.
 */

export interface AccessConfig {
  /** https://<team>.cloudflareaccess.com */
  teamDomain: string;
  /** The Access application's audience tag. */
  audience: string;
  /** Which Tandem organisation Access users belong to. */
  orgId: string;
  /** Email domains whose people are created on first visit. */
  allowedDomains: string[];
  /** Extensions that may sign in with company sign-in (extension-redirects.ts); none: it is off. */
  extensions?: string[];
}

export interface AccessIdentity {
  email: string;
  name: string;
}

type Jwk = JsonWebKey & { kid?: string };

const decoder = new TextDecoder();
function base64url(part: string): Uint8Array<ArrayBuffer> {
  const b64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  return Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
}
const json = (part: string) => JSON.parse(decoder.decode(base64url(part))) as Record<string, unknown>;

export class AccessDenied extends Error {}

export function accessVerifier(
  config: AccessConfig,
  // The global fetch as it is when the keys are fetched (a test in workerd may stand in for Access's JWKS).
  fetchJwks: typeof fetch = (input, init) => fetch(input, init),
  now: () => number = Date.now,
) {
  const issuer = config.teamDomain.replace(/\/+$/, '');
  let keys = new Map<string, CryptoKey>();
  let fetchedAt = Number.NEGATIVE_INFINITY;

  async function refresh(): Promise<void> {
    if (now() - fetchedAt < 60_000) return;
    fetchedAt = now();
    const res = await fetchJwks(`${issuer}/cdn-cgi/access/certs`);
    if (!res.ok) throw new AccessDenied(`[access] JWKS answered ${res.status}`);
    const { keys: jwks } = (await res.json()) as { keys: Jwk[] };
    const next = new Map<string, CryptoKey>();
    for (const jwk of jwks) {
      if (!jwk.kid || jwk.kty !== 'RSA') continue;
      next.set(
        jwk.kid,
        await crypto.subtle.importKey('jwk', jwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']),
      );
    }
    keys = next;
  }

  /** The identity in a valid assertion; throws AccessDenied otherwise. */
  return async function verify(assertion: string): Promise<AccessIdentity> {
    const parts = assertion.split('.');
    if (parts.length !== 3) throw new AccessDenied('Not a JWT');
    let header: Record<string, unknown>;
    let claims: Record<string, unknown>;
    try {
      header = json(parts[0]);
      claims = json(parts[1]);
    } catch {
      throw new AccessDenied('Unreadable JWT');
    }
    if (header.alg !== 'RS256' || typeof header.kid !== 'string') throw new AccessDenied('Only RS256 with a key id');
    if (!keys.has(header.kid)) await refresh();
    const key = keys.get(header.kid);
    if (!key) throw new AccessDenied('Unknown signing key');
    const signed = new TextEncoder().encode(`${parts[0]}.${parts[1]}`);
    if (!(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, base64url(parts[2]), signed))) {
      throw new AccessDenied('Bad signature');
    }
    const seconds = now() / 1000;
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (claims.iss !== issuer) throw new AccessDenied('Wrong issuer');
    if (!audiences.includes(config.audience)) throw new AccessDenied('Wrong audience');
    if (typeof claims.exp !== 'number' || claims.exp + 60 < seconds) throw new AccessDenied('Expired');
    if (typeof claims.nbf === 'number' && claims.nbf - 60 > seconds) throw new AccessDenied('Not valid yet');
    if (typeof claims.email !== 'string' || !claims.email.includes('@')) throw new AccessDenied('No email');
    const email = claims.email.toLowerCase();
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email.split('@')[0];
    return { email, name };
  };
}
export type AccessVerify = ReturnType<typeof accessVerifier>;
