import { LogIn } from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Field } from '../../ui/field.tsx';
import { Icon } from '../../ui/icon.tsx';
import { reason } from '../../ui/notices.tsx';
import { ApiProblem, isTandemServer, localServers, type SignInResult, signIn } from '../../utils/api.ts';
import { validate } from '../../utils/validation.ts';
import { CompanySignIn } from './company-sign-in.tsx';
import { explainManaged, ManagedServer } from './managed-server.tsx';

type Errors = { server?: string; code?: string; form?: string };

export interface SignInProps {
  /** The address used last time on this browser ('' the first time). */
  defaultServer: string;
  /** The address the company's policy sets: shown read-only, with no field to change it. */
  managedServer?: string | null;
  /** Why the person is here again (signed out, session ended). */
  notice: string | null;
  signedIn(serverUrl: string, session: SignInResult): void;
  /** Looks for a server on this computer; tests pass their own. */
  findLocal?: () => Promise<string | null>;
  exchange?: typeof signIn;
}

/** The first local address that answers as Tandem, or null. */
export async function findLocalServer(): Promise<string | null> {
  for (const url of localServers) if (await isTandemServer(url)) return url;
  return null;
}

/** What a failed sign-in means for the person: which field, and what to check. */
function explain(e: unknown, serverUrl: string): Errors {
  if (e instanceof ApiProblem && e.code === 'network') {
    return {
      server: i18n.t('panel.compose.signIn.unreachable'),
      form: i18n.t('panel.compose.signIn.unreachableHelp', [serverUrl, localServers[0]]),
    };
  }
  if (e instanceof ApiProblem && e.code === 'http') {
    return {
      server: i18n.t('panel.compose.signIn.notTandem'),
      form: i18n.t('panel.compose.signIn.notTandemHelp', [serverUrl]),
    };
  }
  if (e instanceof ApiProblem && e.code === 'invalid_code') return { code: e.message };
  if (e instanceof ApiProblem && Object.keys(e.fields).length) return { ...e.fields, form: e.message };
  return { form: reason(e) };
}

/** The sign-in form: a server address (remembered, or found on this computer) and a one-time sign-in code. */
export function SignIn({
  defaultServer,
  managedServer,
  notice,
  signedIn,
  findLocal = findLocalServer,
  exchange = signIn,
}: SignInProps) {
  const [server, setServer] = useState(managedServer ?? defaultServer);
  const [found, setFound] = useState(false);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Errors>(notice ? { form: notice } : {});
  const [sending, setSending] = useState(false);
  const touched = useRef(false);
  const serverInput = useRef<HTMLInputElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    (server ? codeInput : serverInput).current?.focus();
    if (server) return;
    // Nothing remembered: a server on this computer fills the address, unless the person typed first.
    let current = true;
    void findLocal().then((url) => {
      if (!current || !url || touched.current) return;
      setServer(url);
      setFound(true);
      codeInput.current?.focus();
    });
    return () => {
      current = false;
    };
  }, []);

  const fail = (next: Errors) => {
    setErrors(next);
    (next.server ? serverInput : next.code ? codeInput : button).current?.focus();
  };

  async function submit() {
    const serverUrl = (managedServer ?? server).trim().replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]+/i.test(serverUrl))
      return fail({ server: i18n.t('panel.compose.signIn.serverMissing', [localServers[0]]) });
    setSending(true);
    try {
      const checked = await validate<{ code: string }>('signIn', { code });
      if (!checked.ok) return fail({ code: checked.fields.code });
      setErrors({});
      signedIn(serverUrl, await exchange(serverUrl, checked.data.code));
    } catch (e) {
      fail((managedServer && explainManaged(e, serverUrl)) || explain(e, serverUrl));
    } finally {
      setSending(false);
    }
  }

  const named = errors.server || errors.code;
  return (
    <form
      class="sign-in"
      id="sign-in-form"
      noValidate
      aria-labelledby="sign-in-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h1 id="sign-in-heading">{i18n.t('panel.compose.signIn.title')}</h1>
      <p class="lead">{i18n.t('panel.compose.signIn.lead')}</p>
      {managedServer ? (
        <ManagedServer url={managedServer} />
      ) : (
        <Field
          label={i18n.t('panel.compose.signIn.server')}
          error={errors.server}
          hint={found ? i18n.t('panel.compose.signIn.serverFound') : undefined}
        >
          <input
            ref={serverInput}
            id="server-url"
            type="url"
            value={server}
            autocomplete="url"
            required
            spellcheck={false}
            onInput={(e) => {
              touched.current = true;
              setFound(false);
              setServer(e.currentTarget.value);
              if (errors.server) setErrors({ ...errors, server: undefined, form: undefined });
            }}
          />
        </Field>
      )}
      <Field
        label={i18n.t('panel.compose.signIn.code')}
        error={errors.code}
        hint={i18n.t(managedServer ? 'rollout.signIn.codeHint' : 'panel.compose.signIn.codeHint')}
      >
        <input
          ref={codeInput}
          id="sign-in-code"
          type="text"
          value={code}
          autocomplete="one-time-code"
          placeholder={i18n.t('panel.compose.signIn.codeExample')}
          required
          spellcheck={false}
          onInput={(e) => {
            setCode(e.currentTarget.value);
            if (errors.code) setErrors({ ...errors, code: undefined });
          }}
        />
      </Field>
      {/* When a field holds the error, the form's alert would only repeat it. */}
      <p class="form-error" role="alert" hidden={!errors.form || (!!named && !errors.server)}>
        {errors.form ?? ''}
      </p>
      <button ref={button} type="submit" id="sign-in" class="primary" disabled={sending}>
        <Icon node={LogIn} />
        <span>{i18n.t('panel.compose.signIn.submit')}</span>
      </button>
      <CompanySignIn server={managedServer ?? server} signedIn={signedIn} />
    </form>
  );
}
