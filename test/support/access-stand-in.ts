import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accessClaims, keyPair } from './access-keys.ts';

export interface AccessStandIn {
  /** Its address: the team domain (issuer, JWKS) and the address the extension is given for the server. */
  url: string;
  audience: string;
  /** Who Access says is signing in on the start path, and how (a wrong audience, an expired token). */
  identity: { email: string; name?: string; claims?: Record<string, unknown> };
  /** Where requests are passed on to (the Tandem server), set once it runs. */
  target: string;
  /** What an identity token for `email` would be, for tests that call the start path themselves. */
  sign(email: string, claims?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

const startPath = '/auth/extension/start';

/**
 * A local stand-in for Cloudflare Access in front of the server, on loopback: it serves its JWKS at
 * /cdn-cgi/access/certs, and on the one path an Access application would protect it adds the
 * `Cf-Access-Jwt-Assertion` it signs with its own key pair for the configured identity (Access would have
 * signed the person in first). Every other request passes through untouched, an assertion a caller sent
 * removed, as Cloudflare does.
 */
export async function startAccessStandIn(audience = 'aud-tandem-e2e'): Promise<AccessStandIn> {
  const key = await keyPair('e2e-1');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const standIn: AccessStandIn = {
    url,
    audience,
    identity: { email: 'maya.okafor@northwind.example' },
    target: '',
    sign: (email, claims = {}) => key.sign(accessClaims(url, audience, email, Date.now(), claims)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  server.on('request', async (req, res) => {
    if (req.url === '/cdn-cgi/access/certs') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [key.jwk] }));
      return;
    }
    const headers = { ...req.headers };
    delete headers['cf-access-jwt-assertion'];
    if (new URL(req.url ?? '/', url).pathname === startPath) {
      const { email, name, claims } = standIn.identity;
      headers['cf-access-jwt-assertion'] = await standIn.sign(email, { ...(name ? { name } : {}), ...claims });
    }
    const target = new URL(req.url ?? '/', standIn.target);
    const upstream = request(target, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return standIn;
}

/** The Node server's settings for company sign-in behind this stand-in, for the demo organisation. */
export const accessSettings = (access: AccessStandIn, extensions: string) => ({
  TANDEM_ACCESS_TEAM_DOMAIN: access.url,
  TANDEM_ACCESS_AUD: access.audience,
  TANDEM_ACCESS_ORG: 'demo',
  TANDEM_ACCESS_ALLOWED_DOMAINS: 'northwind.example',
  TANDEM_SSO_EXTENSIONS: extensions,
  // Requests arrive under the stand-in's address, as under the company's name behind Cloudflare.
  TANDEM_ALLOWED_HOSTS: '127.0.0.1',
});
