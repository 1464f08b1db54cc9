import { LogIn } from 'lucide';
import { signInSchema } from '../../shared/session.ts';
import { ApiProblem, type SignInResult, signIn } from '../utils/api.ts';
import { field, issuesByPath } from './field.ts';
import { h } from './h.ts';
import { icon } from './icon.ts';

/** The sign-in form: a server address and a one-time sign-in code from an admin (or the server's console). */
export function signInView(
  defaultServer: string,
  notice: string | null,
  onSignedIn: (serverUrl: string, session: SignInResult) => void,
) {
  const server = h('input', {
    id: 'server-url',
    type: 'url',
    value: defaultServer,
    autocomplete: 'url',
    required: true,
    spellcheck: 'false',
  });
  const code = h('input', {
    id: 'sign-in-code',
    type: 'text',
    autocomplete: 'one-time-code',
    placeholder: 'demo.ABCD-EFGH',
    required: true,
    spellcheck: 'false',
  });
  const serverField = field('Server', server);
  const codeField = field(
    'Sign-in code',
    code,
    h(
      'p',
      { class: 'hint', id: 'sign-in-code-hint' },
      'Ask an admin for a code, or copy one printed by the server at start.',
    ),
  );
  const formError = h('p', { class: 'form-error', role: 'alert', hidden: !notice }, notice ?? '');
  const button = h(
    'button',
    { type: 'submit', id: 'sign-in', class: 'primary' },
    icon(LogIn),
    h('span', null, 'Sign in'),
  );

  const form = h(
    'form',
    { class: 'sign-in', id: 'sign-in-form', novalidate: true, 'aria-labelledby': 'sign-in-heading' },
    h('h1', { id: 'sign-in-heading' }, 'Sign in to Tandem'),
    h('p', { class: 'lead' }, 'Ask colleagues and departments for help, and thank them, from any page.'),
    serverField.el,
    codeField.el,
    formError,
    button,
  );

  const showErrors = (byField: Record<string, string>, message?: string) => {
    serverField.setError(byField.server ?? null);
    codeField.setError(byField.code ?? null);
    const named = byField.server || byField.code;
    formError.textContent = named ? '' : (message ?? '');
    formError.hidden = !!named || !message;
    (byField.server ? server : byField.code ? code : button).focus();
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const serverUrl = server.value.trim().replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]+/i.test(serverUrl))
      return showErrors({ server: 'Enter the server address, like http://127.0.0.1:8787' });
    const parsed = signInSchema.safeParse({ code: code.value });
    if (!parsed.success) return showErrors(issuesByPath(parsed.error.issues));
    showErrors({});
    button.disabled = true;
    signIn(serverUrl, parsed.data.code)
      .then((session) => onSignedIn(serverUrl, session))
      .catch((err: unknown) => {
        if (err instanceof ApiProblem)
          showErrors(err.code === 'invalid_code' ? { code: err.message } : err.fields, err.message);
        else showErrors({}, err instanceof Error ? err.message : String(err));
      })
      .finally(() => {
        button.disabled = false;
      });
  });

  return { el: form, focus: () => (server.value ? code : server).focus() };
}
