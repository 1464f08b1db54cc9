import * as z from 'zod';
import { signInSchema } from './session.ts';

/*
 * Company sign-in from the extension: the browser's own sign-in window (identity.launchWebAuthFlow) opens
 * GET /auth/extension/start behind Cloudflare Access, which redirects back to the extension with a one-time
 * code; the extension exchanges it, with its PKCE verifier (RFC 7636), for a Tandem token.
 */

/** A PKCE verifier: 43 to 128 unreserved characters (RFC 7636 §4.1). */
const codeVerifier = z
  .string()
  .regex(/^[A-Za-z0-9._~-]{43,128}$/, '43 to 128 characters of A-Z, a-z, 0-9, "-", ".", "_" or "~"');

const redirectUri = z
  .string()
  .max(2000)
  .url({ protocol: /^https$/, error: "The extension's redirect URL (identity.getRedirectURL())" });

export const companySignInStartSchema = z.object({
  redirect_uri: redirectUri,
  /** Echoed back unchanged: the extension checks it is the one it sent. */
  state: z.string().min(8).max(200),
  /** BASE64URL(SHA-256(code_verifier)), unpadded. */
  code_challenge: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'The S256 challenge: 43 base64url characters'),
  code_challenge_method: z.literal('S256').optional(),
});
export type CompanySignInStart = z.infer<typeof companySignInStartSchema>;

export const companySignInExchangeSchema = z.object({
  /** The one-time code from the redirect: `<orgId>.<43 base64url characters>`. */
  code: z.string().regex(/^[a-z0-9-]{1,40}\.[A-Za-z0-9_-]{43}$/, 'The code from the company sign-in redirect'),
  code_verifier: codeVerifier,
  redirect_uri: redirectUri,
  label: signInSchema.shape.label,
});
export type CompanySignInExchange = z.infer<typeof companySignInExchangeSchema>;

/** Whether this server offers company sign-in (public, so the sign-in screen can offer the button). */
export const companySignInAvailabilitySchema = z.object({ available: z.boolean() });
export type CompanySignInAvailability = z.infer<typeof companySignInAvailabilitySchema>;

/** How long an exchange code stays valid: the redirect back to the extension takes a moment. */
export const exchangeCodeSeconds = 60;
