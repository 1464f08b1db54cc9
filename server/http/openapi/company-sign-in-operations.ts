import {
  companySignInAvailabilitySchema,
  companySignInExchangeSchema,
  companySignInStartSchema,
} from '../../../shared/company-sign-in.ts';
import { sessionSchema } from '../../../shared/session.ts';
import type { Operation } from './operations.ts';

/** Company sign-in from the extension (README "Company sign-in"). */
export const companySignInOperations: Operation[] = [
  {
    method: 'get',
    path: '/auth/extension',
    summary: 'Whether this server offers company sign-in (Cloudflare Access) to the extension',
    tag: 'Session',
    public: true,
    responses: { 200: { description: 'Offered or not', schema: companySignInAvailabilitySchema } },
  },
  {
    method: 'get',
    path: '/auth/extension/start',
    summary:
      "Behind Cloudflare Access: opened in the browser's sign-in window; redirects (302) to the allowed extension " +
      'redirect URL with a one-time `code` (60 s, bound to the URL and the PKCE challenge) and `state`, or with ' +
      '`error` and `error_description`. A redirect URL not on the list gets an HTML page, never a redirect',
    tag: 'Session',
    public: true,
    query: companySignInStartSchema,
    responses: { 302: { description: 'Back to the extension, with a code or an error' } },
  },
  {
    method: 'post',
    path: '/v1/session/exchange',
    summary: 'Exchange a company sign-in code, with its PKCE verifier and redirect URL, for a bearer token',
    tag: 'Session',
    public: true,
    body: companySignInExchangeSchema,
    responses: { 201: { description: 'Signed in', schema: sessionSchema } },
  },
];
