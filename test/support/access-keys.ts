/**
 * A locally made RSA key pair standing in for Cloudflare Access's: its public JWK (for a JWKS) and a signer
 * of identity JWTs (`Cf-Access-Jwt-Assertion`). WebCrypto only, so Node, workerd and the e2e stand-in share it.
 */
export const b64url = (data: ArrayBuffer | Uint8Array | string) =>
  btoa(String.fromCharCode(...(typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

export async function keyPair(kid: string) {
  const pair = (await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  const jwk = { ...(await crypto.subtle.exportKey('jwk', pair.publicKey)), kid } as JsonWebKey & { kid: string };
  const sign = async (claims: Record<string, unknown>, header: Record<string, unknown> = {}) => {
    const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid, ...header }));
    const body = b64url(JSON.stringify(claims));
    const signature = await crypto.subtle.sign(
      'RSASSA-PKCS1-v1_5',
      pair.privateKey,
      new TextEncoder().encode(`${head}.${body}`),
    );
    return `${head}.${body}.${b64url(signature)}`;
  };
  return { jwk, sign };
}

/** An Access identity's claims for `email`, valid for an hour from `nowMs`. */
export const accessClaims = (
  issuer: string,
  audience: string,
  email: string,
  nowMs: number,
  extra: Record<string, unknown> = {},
) => ({
  iss: issuer,
  aud: [audience],
  email,
  iat: Math.floor(nowMs / 1000),
  exp: Math.floor(nowMs / 1000) + 3600,
  ...extra,
});

/** What the extension does for PKCE: a random verifier and its S256 challenge. */
export async function pkce() {
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return { verifier, challenge };
}
