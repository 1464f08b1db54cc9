import type { Context } from 'hono';
import { companySignInExchangeSchema } from '../../../shared/company-sign-in.ts';
import { signInSchema } from '../../../shared/session.ts';
import type { Ledgers } from '../../core/remote.ts';
import { type ClientAddress, clientKey } from '../client-address.ts';
import { exchangeCodeHash, newToken, s256, sha256Hex } from '../credentials.ts';
import { Hono } from '../hono.ts';
import { validate } from '../validate.ts';

/**
 * Public: exchange a sign-in code for a bearer token. Wrong codes are counted per client and
 * organisation in the organisation's ledger (core/sign-in-attempts.ts); a code for an organisation
 * that does not exist goes to the ledger with none, where it is refused and counted the same way, so
 * the answers never tell whether an organisation exists.
 */
export const sessionRoutes = (ledgers: Ledgers, clientAddress: ClientAddress) => {
  /** Redeems a code's hash for a token, counted against the client like every sign-in. */
  const redeem = async (c: Context, orgId: string, hash: string, label: string) => {
    const ledger = (await ledgers.open(orgId)) ?? ledgers.unknownOrgs();
    const client = `${orgId}|${clientKey(clientAddress(c))}`;
    const token = newToken(orgId);
    const principal = await ledger.signIn(hash, { hash: await sha256Hex(token), label }, client);
    return { ...(await ledger.me(principal)), token };
  };
  return (
    new Hono()
      .post('/', validate('json', signInSchema), async (c) => {
        const { code, label } = c.req.valid('json');
        const [orgId, secret] = code.split('.');
        return c.json(await redeem(c, orgId, await codeHash(orgId, secret), label), 201);
      })
      // Company sign-in (routes/company-sign-in.ts): the one-time code from the redirect, with the PKCE
      // verifier and the redirect URL it was issued for; any mismatch finds no code, as a wrong code does.
      .post('/exchange', validate('json', companySignInExchangeSchema), async (c) => {
        const { code, code_verifier, redirect_uri, label } = c.req.valid('json');
        const hash = await exchangeCodeHash(code, redirect_uri, await s256(code_verifier));
        return c.json(await redeem(c, code.split('.')[0], hash, label), 201);
      })
  );
};

/** Codes are read aloud and typed: case and spacing do not matter. */
export function codeHash(orgId: string, secret: string): Promise<string> {
  return sha256Hex(`${orgId.toLowerCase()}.${secret.toUpperCase()}`);
}
