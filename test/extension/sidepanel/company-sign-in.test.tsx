import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { App } from '../../../extension/entrypoints/sidepanel/app.tsx';
import { lastServerItem, sessionItem } from '../../../extension/utils/storage.ts';
import { me } from './fixtures.ts';

// Company sign-in as a person meets it on the sign-in screen: the server is scripted through fetch (the typed
// client's real requests), the browser's sign-in window through a fake identity.launchWebAuthFlow.
vi.mock('../../../extension/utils/validation.ts', () => import('../answer-validation.ts'));

const server = 'https://tandem.acme.example';
const redirect = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const b64url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

let offered = true;
let exchanges: Record<string, string>[] = [];
let exchangeAnswer: () => Response;

beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.runtime.onMessage.addListener(async () => ({ ok: true, reply: null }));
  await lastServerItem.setValue(server);
  offered = true;
  exchanges = [];
  exchangeAnswer = () => Response.json({ ...me, token: 'tdm_acme_token' }, { status: 201 });
  fakeBrowser.identity.getRedirectURL = () => redirect;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === '/auth/extension') return Response.json({ available: offered });
      if (url.pathname === '/v1/session/exchange') {
        exchanges.push(JSON.parse(String(init?.body ?? (await (input as Request).text()))));
        return exchangeAnswer();
      }
      return Response.json({ error: { code: 'not_found', message: 'No route' } }, { status: 404 });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The sign-in window: hands back what `answer` makes of the start URL it was opened with. */
function signInWindow(answer: (start: URL) => string | Promise<string>) {
  const launch = vi.fn(async ({ url }: { url: string; interactive?: boolean }) => answer(new URL(url)));
  fakeBrowser.identity.launchWebAuthFlow = launch as unknown as typeof fakeBrowser.identity.launchWebAuthFlow;
  return launch;
}
const back = (start: URL, params: Record<string, string>) =>
  `${redirect}?${new URLSearchParams({ state: start.searchParams.get('state') ?? '', ...params })}`;
const button = () => screen.findByRole('button', { name: 'Sign in with your company account' });

describe('company sign-in', () => {
  it('is offered only when the server says it has it', async () => {
    offered = false;
    render(<App />);
    await screen.findByRole('button', { name: 'Sign in' });
    await new Promise((r) => setTimeout(r, 400));
    expect(screen.queryByRole('button', { name: 'Sign in with your company account' })).toBeNull();
  });

  it('signs in with one click and stores the session as a code sign-in does', async () => {
    const launch = signInWindow((start) => back(start, { code: 'acme.ONE-TIME-CODE' }));
    render(<App />);
    fireEvent.click(await button());
    await waitFor(async () => expect((await sessionItem.getValue())?.token).toBe('tdm_acme_token'));
    expect(await sessionItem.getValue()).toMatchObject({ serverUrl: server, me: { person: { name: me.person.name } } });

    // The window opened the server's start page, interactively, with this extension's redirect URL.
    const { url, interactive } = launch.mock.calls[0][0];
    const start = new URL(url);
    expect(interactive).toBe(true);
    expect(`${start.origin}${start.pathname}`).toBe(`${server}/auth/extension/start`);
    expect(start.searchParams.get('redirect_uri')).toBe(redirect);
    expect(start.searchParams.get('code_challenge_method')).toBe('S256');
    // The code went back with the verifier whose S256 is the challenge the window was opened with.
    const [sent] = exchanges;
    expect(sent).toMatchObject({ code: 'acme.ONE-TIME-CODE', redirect_uri: redirect });
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(sent.code_verifier));
    expect(b64url(digest)).toBe(start.searchParams.get('code_challenge'));
  });

  it('says so when the person closes the sign-in window, and signs nobody in', async () => {
    signInWindow(() => {
      throw new Error('The user did not approve access.');
    });
    render(<App />);
    fireEvent.click(await button());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Company sign-in was cancelled, or its window could not open. Try again, or sign in with a code.',
    );
    expect(exchanges).toEqual([]);
    expect(await sessionItem.getValue()).toBeNull();
  });

  it('ignores an answer for another attempt (state mismatch)', async () => {
    signInWindow(() => `${redirect}?code=acme.STOLEN&state=someone-elses`);
    render(<App />);
    fireEvent.click(await button());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The sign-in window answered for another attempt, so it was not used. Try again.',
    );
    expect(exchanges).toEqual([]);
  });

  it("shows the server's refusal, from the redirect or from the exchange", async () => {
    signInWindow((start) =>
      back(start, { error: 'forbidden', error_description: 'sam@elsewhere.example has no active Tandem account' }),
    );
    render(<App />);
    fireEvent.click(await button());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Your company sign-in was refused: sam@elsewhere.example has no active Tandem account',
    );

    signInWindow((start) => back(start, { code: 'acme.USED-ALREADY' }));
    exchangeAnswer = () =>
      Response.json(
        { error: { code: 'invalid_code', message: 'This sign-in code is not valid (used, expired or mistyped)' } },
        { status: 401 },
      );
    fireEvent.click(await button());
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('This sign-in code is not valid (used, expired or mistyped)'),
    );
    expect(await sessionItem.getValue()).toBeNull();
  });
});
