import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { companySignInUrl, exchangeCompanyCode, type SignInResult } from './api.ts';

/** Why company sign-in stopped, in words for the person. */
export class CompanySignInProblem extends Error {}

const base64url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const random = (n: number) => base64url(crypto.getRandomValues(new Uint8Array(n)));

/**
 * Company sign-in: the browser's own sign-in window (identity.launchWebAuthFlow) opens the server's page
 * behind Cloudflare Access, which redirects back to this extension with a one-time code; the code, with the
 * PKCE verifier only this panel knows, becomes a session. `state` ties the answer to this attempt.
 */
export async function companySignIn(serverUrl: string, exchange = exchangeCompanyCode): Promise<SignInResult> {
  const redirectUri = browser.identity.getRedirectURL();
  const verifier = random(32);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = random(16);
  const url = companySignInUrl(serverUrl, {
    redirect_uri: redirectUri,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  let answer: string | undefined;
  try {
    answer = await browser.identity.launchWebAuthFlow({ url, interactive: true });
  } catch (e) {
    // Closed by the person, or the page could not load: the browsers say both the same way.
    console.warn('[tandem] [company sign-in] the sign-in window ended', e);
    throw new CompanySignInProblem(i18n.t('sso.cancelled'));
  }
  const params = new URL(answer ?? redirectUri).searchParams;
  if (params.get('state') !== state) throw new CompanySignInProblem(i18n.t('sso.stateMismatch'));
  const error = params.get('error');
  if (error) throw new CompanySignInProblem(i18n.t('sso.refused', [params.get('error_description') || error]));
  const code = params.get('code');
  if (!code) throw new CompanySignInProblem(i18n.t('sso.noCode'));
  return exchange(serverUrl, { code, code_verifier: verifier, redirect_uri: redirectUri });
}
