import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignIn } from '../../extension/entrypoints/sidepanel/sign-in.tsx';
import { ApiProblem, type SignInResult } from '../../extension/utils/api.ts';

// The background's checks of the panel's forms, run here.
vi.mock('../../extension/utils/validation.ts', () => import('./answer-validation.ts'));

const session = { token: 't', person: { name: 'Sam' } } as unknown as SignInResult;
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const signInButton = () => screen.getByRole('button', { name: 'Sign in' });

describe('sign-in', () => {
  afterEach(cleanup);

  it('finds the server running on this computer when none is remembered, and puts the cursor in the code', async () => {
    const findLocal = vi.fn(async () => 'http://127.0.0.1:8787');
    render(<SignIn defaultServer="" notice={null} signedIn={vi.fn()} findLocal={findLocal} />);
    await waitFor(() => expect(screen.getByLabelText('Server')).toHaveProperty('value', 'http://127.0.0.1:8787'));
    expect(screen.getByText('Found a Tandem server on this computer.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Sign-in code'));
  });

  it('never overwrites an address the person typed while it looked', async () => {
    let answer: (url: string) => void = () => {};
    const findLocal = () => new Promise<string>((resolve) => (answer = resolve));
    render(<SignIn defaultServer="" notice={null} signedIn={vi.fn()} findLocal={findLocal} />);
    type('Server', 'https://tandem.acme.example');
    answer('http://127.0.0.1:8787');
    await new Promise((r) => setTimeout(r, 10));
    expect(screen.getByLabelText('Server')).toHaveProperty('value', 'https://tandem.acme.example');
  });

  it('keeps a remembered address and does not look for another', () => {
    const findLocal = vi.fn(async () => null);
    render(
      <SignIn defaultServer="https://tandem.acme.example" notice={null} signedIn={vi.fn()} findLocal={findLocal} />,
    );
    expect(findLocal).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Server')).toHaveProperty('value', 'https://tandem.acme.example');
  });

  it('says what to check when the server cannot be reached, beside the address', async () => {
    const exchange = vi.fn(async () => {
      throw new ApiProblem('network', 'Cannot reach the server.', { server: 'Cannot reach this server' });
    });
    render(<SignIn defaultServer="http://10.0.0.9:8787/" notice={null} signedIn={vi.fn()} exchange={exchange} />);
    type('Sign-in code', 'demo.ABCD-EFGH');
    fireEvent.click(signInButton());
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.hidden).toBe(false));
    expect(alert.textContent).toContain('Cannot reach http://10.0.0.9:8787.');
    expect(alert.textContent).toContain('that the server is running (npm start)');
    expect(screen.getByLabelText('Server').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Cannot reach this server')).toBeTruthy();
    // Editing the address takes the stale error away.
    type('Server', 'http://10.0.0.8:8787');
    expect(screen.getByLabelText('Server').getAttribute('aria-invalid')).toBeNull();
    expect(alert.hidden).toBe(true);
  });

  it('tells an address that answers but is not Tandem apart from one that does not answer', async () => {
    const exchange = vi.fn(async () => {
      throw new ApiProblem('http', 'The server answered 404', {}, 404);
    });
    render(
      <SignIn defaultServer="https://intranet.acme.example" notice={null} signedIn={vi.fn()} exchange={exchange} />,
    );
    type('Sign-in code', 'demo.ABCD-EFGH');
    fireEvent.click(signInButton());
    await screen.findByText('Not a Tandem server');
    expect(screen.getByRole('alert').textContent).toContain('answered, but not as a Tandem server');
  });

  it('refuses a malformed code beside the code, without calling the server, and signs in with a good one', async () => {
    const exchange = vi.fn(async () => session);
    const signedIn = vi.fn();
    render(<SignIn defaultServer="http://127.0.0.1:8787/" notice={null} signedIn={signedIn} exchange={exchange} />);
    type('Sign-in code', 'not a code');
    fireEvent.click(signInButton());
    await screen.findByText('A sign-in code looks like demo.ABCD-EFGH');
    expect(exchange).not.toHaveBeenCalled();
    type('Sign-in code', ' demo.ABCD-EFGH ');
    expect(screen.queryByText('A sign-in code looks like demo.ABCD-EFGH')).toBeNull();
    fireEvent.click(signInButton());
    await waitFor(() => expect(signedIn).toHaveBeenCalledWith('http://127.0.0.1:8787', session));
    expect(exchange).toHaveBeenCalledWith('http://127.0.0.1:8787', 'demo.ABCD-EFGH');
  });
});
