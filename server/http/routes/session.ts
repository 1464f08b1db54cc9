import { Hono } from 'hono';
import { signInSchema } from '../../../shared/session.ts';
import type { Ledgers } from '../../core/remote.ts';
import { type ClientAddress, clientKey } from '../client-address.ts';
import { newToken, sha256Hex } from '../credentials.ts';
import { validate } from '../validate.ts';

/**
 * Public: exchange a sign-in code for a bearer token. Wrong codes are counted per client and
 * organisation in the organisation's ledger (core/sign-in-attempts.ts); a code for an organisation
 * that does not exist goes to the ledger with none, where it is refused and counted the same way, so
 * the answers never tell whether an organisation exists.
 */
export const sessionRoutes = (ledgers: Ledgers, clientAddress: ClientAddress) =>
  new Hono().post('/', validate('json', signInSchema), async (c) => {
    const { code, label } = c.req.valid('json');
    const [orgId, secret] = code.split('.');
    const ledger = (await ledgers.open(orgId)) ?? ledgers.unknownOrgs();
    const client = `${orgId}|${clientKey(clientAddress(c))}`;
    const token = newToken(orgId);
    const principal = await ledger.signIn(
      await codeHash(orgId, secret),
      { hash: await sha256Hex(token), label },
      client,
    );
    return c.json({ ...(await ledger.me(principal)), token }, 201);
  });

/** Codes are read aloud and typed: case and spacing do not matter. */
export function codeHash(orgId: string, secret: string): Promise<string> {
  return sha256Hex(`${orgId.toLowerCase()}.${secret.toUpperCase()}`);
}
