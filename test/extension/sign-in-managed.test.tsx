import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { App } from '../../extension/entrypoints/sidepanel/app.tsx';
import { SignIn } from '../../extension/entrypoints/sidepanel/sign-in.tsx';
import { ApiProblem, type SignInResult, signIn } from '../../extension/utils/api.ts';
import { sessionItem } from '../../extension/utils/storage.ts';

// The background's checks of the panel's forms, run here.
vi.mock('../../extension/utils/validation.ts', () => import('./answer-validation.ts'));
// The panel signs in through the API client's signIn: the server's answer is scripted here.
vi.mock('../../extension/utils/api.ts', async (original) => ({
  ...(await original<typeof import('../../extension/utils/api.ts')>()),
  signIn: vi.fn(),
}));
// What follows a sign-in is not this test's subject.
vi.mock('../../extension/entrypoints/sidepanel/signed-in.tsx', () => ({ SignedIn: () => <p>Signed in</p> }));

const me = { org: { id: 'o1', name: 'Acme' }, person: { id: 'p1', name: 'Ada Lovelace', role: 'admin' } };
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
/** What an administrator's policy puts in the extension's managed storage (Chrome policy, Firefox policies.json). */
const setPolicy = (policy: Record<string, unknown>) => fakeBrowser.storage.managed.set(policy);

describe('sign-in with the server set by the company’s policy', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.mocked(signIn).mockReset();
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('shows which server it uses, with no address field, and signs in there with a code', async () => {
    await setPolicy({ serverUrl: 'https://tandem.acme.example/' });
    vi.mocked(signIn).mockResolvedValue({ token: 'tok', ...me } as unknown as SignInResult);
    render(<App />);
    await screen.findByText('tandem.acme.example');
    expect(screen.getByText('Set by your company.')).toBeTruthy();
    expect(screen.queryByLabelText('Server')).toBeNull();
    expect(document.querySelector('input[type="url"]')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Sign-in code')));

    type('Sign-in code', 'acme.ABCD-EFGH');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Signed in');
    expect((await sessionItem.getValue())?.serverUrl).toBe('https://tandem.acme.example');
    expect(signIn).toHaveBeenCalledWith('https://tandem.acme.example', 'acme.ABCD-EFGH');
  });

  it('without a policy, keeps the address field with the address used last time', async () => {
    await fakeBrowser.storage.local.set({ lastServer: 'https://tandem.other.example' });
    render(<App />);
    const field = await screen.findByLabelText('Server');
    expect(field).toHaveProperty('value', 'https://tandem.other.example');
    expect(screen.queryByText('Set by your company.')).toBeNull();
  });

  it('without a policy in Firefox (managed storage refuses to answer), keeps the address field', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    render(<App />);
    expect(await screen.findByLabelText('Server')).toBeTruthy();
  });

  it('ignores a policy whose address is not an http(s) address, and says so in the console', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await setPolicy({ serverUrl: 'tandem.acme.example' });
    render(<App />);
    expect(await screen.findByLabelText('Server')).toBeTruthy();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('[tandem] [policy]'), 'tandem.acme.example');
  });

  it('follows a policy set while the form is open', async () => {
    render(<App />);
    await screen.findByLabelText('Server');
    await setPolicy({ serverUrl: 'https://tandem.acme.example' });
    await screen.findByText('tandem.acme.example');
    expect(screen.queryByLabelText('Server')).toBeNull();
  });

  it('tells staff whom to ask when the company’s server cannot be reached, not to start one', async () => {
    const exchange = vi.fn(async () => {
      throw new ApiProblem('network', 'Cannot reach the server.', {});
    });
    render(
      <SignIn
        defaultServer=""
        managedServer="https://tandem.acme.example"
        notice={null}
        signedIn={vi.fn()}
        exchange={exchange}
      />,
    );
    type('Sign-in code', 'acme.ABCD-EFGH');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.hidden).toBe(false));
    expect(alert.textContent).toContain("Cannot reach your company's Tandem server (https://tandem.acme.example)");
    expect(alert.textContent).toContain('tell your IT team');
    expect(alert.textContent).not.toContain('npm start');
    expect(exchange).toHaveBeenCalledWith('https://tandem.acme.example', 'acme.ABCD-EFGH');
  });
});
