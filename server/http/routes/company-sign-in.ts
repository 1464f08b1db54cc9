import type { Context } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { companySignInStartSchema } from '../../../shared/company-sign-in.ts';
import { LedgerError } from '../../core/errors.ts';
import type { Ledgers } from '../../core/remote.ts';
import { type AccessConfig, AccessDenied, type AccessVerify } from '../access.ts';
import { exchangeCodeHash, newExchangeCode } from '../credentials.ts';
import { ApiError, onError } from '../errors.ts';
import { isAllowedRedirect, redirectOrigins } from '../extension-redirects.ts';
import { Hono } from '../hono.ts';
import { validate } from '../validate.ts';

/**
 * Company sign-in, opened by the extension in the browser's sign-in window (identity.launchWebAuthFlow).
 * Only `/auth/extension/start` sits behind Cloudflare Access: it reads the identity Access vouches for, finds
 * or creates the person, and redirects to the extension's (allowlisted) redirect URL with a one-time code
 * bound to that URL and the PKCE challenge; POST /v1/session/exchange turns it into a token. A refusal goes
 * back to the extension as `error` and `error_description`; what cannot go back (a redirect URL not on
 * the list, a malformed request) is a page in that window.
 */
export const companySignInRoutes = (ledgers: Ledgers, access?: { config: AccessConfig; verify: AccessVerify }) => {
  const extensions = access?.config.extensions ?? [];
  let origins: Promise<Set<string>> | undefined;
  return new Hono()
    .get('/', (c) => c.json({ available: extensions.length > 0 }, 200))
    .get('/start', validate('query', companySignInStartSchema), async (c) => {
      const query = c.req.valid('query');
      if (!access || !extensions.length) {
        throw new ApiError('not_found', 'Company sign-in is not set up on this server (see README "Company sign-in")');
      }
      origins ??= redirectOrigins(extensions);
      if (!isAllowedRedirect(await origins, query.redirect_uri)) {
        throw new ApiError(
          'forbidden',
          "This browser extension may not sign in to this server: its redirect URL is not on the server's list of extensions (SSO_EXTENSIONS)",
          { redirect_uri: 'Not an allowed extension' },
        );
      }
      const back = (params: Record<string, string>) => {
        const url = new URL(query.redirect_uri);
        for (const [name, value] of Object.entries({ ...params, state: query.state }))
          url.searchParams.set(name, value);
        // The code is in the URL: no cache and no referrer may keep it.
        c.header('Cache-Control', 'no-store');
        c.header('Referrer-Policy', 'no-referrer');
        return c.redirect(url.href, 302);
      };
      try {
        const assertion = c.req.header('cf-access-jwt-assertion');
        if (!assertion) throw new AccessDenied('no identity: Access does not protect /auth/extension/start');
        const identity = await access.verify(assertion);
        const { orgId, allowedDomains } = access.config;
        const ledger = await ledgers.open(orgId);
        if (!ledger) throw new ApiError('not_found', `Company sign-in: the organisation ${orgId} does not exist`);
        const code = newExchangeCode(orgId);
        await ledger.issueExchangeCode(
          identity,
          allowedDomains.includes(identity.email.split('@')[1]),
          await exchangeCodeHash(code, query.redirect_uri, query.code_challenge),
        );
        return back({ code });
      } catch (error) {
        if (error instanceof AccessDenied) {
          const why = `Cloudflare Access's identity was not accepted (${error.message.toLowerCase()})`;
          return back({ error: 'unauthenticated', error_description: `${why}: try again, or tell your IT team` });
        }
        if (error instanceof ApiError || error instanceof LedgerError) {
          return back({ error: error.code, error_description: error.message });
        }
        throw error;
      }
    })
    .onError(async (error, c) => {
      // The browser's sign-in window shows this: a page, with the API's answer's status.
      const answer = onError(error, c);
      const body = (await answer.clone().json()) as { error: { message: string } };
      return page(c, body.error.message, answer.status as ContentfulStatusCode);
    });
};

const page = (c: Context, message: string, status: ContentfulStatusCode) =>
  c.html(
    html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><title>Tandem: company sign-in</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}</style></head>
<body><h1>Company sign-in did not work</h1><p>${message}</p>
<p>Close this window and sign in with a code, or tell your IT team what this page says.</p></body></html>`,
    status,
  );
