import './company-sign-in.css';
import { Building2 } from 'lucide';
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';
import { reason } from '../../ui/notices.tsx';
import { companySignInOffered, type SignInResult } from '../../utils/api.ts';
import { companySignIn } from '../../utils/company-sign-in.ts';

interface CompanySignInProps {
  /** The server address as it stands in the sign-in form. */
  server: string;
  signedIn(serverUrl: string, session: SignInResult): void;
  /** Tests pass their own. */
  offered?: typeof companySignInOffered;
  run?: typeof companySignIn;
}

/**
 * "Sign in with your company account", offered when the server says it has company sign-in (Cloudflare
 * Access): one click opens the browser's sign-in window, and the session lands as a code sign-in's does.
 */
export function CompanySignIn({
  server,
  signedIn,
  offered = companySignInOffered,
  run = companySignIn,
}: CompanySignInProps) {
  const serverUrl = server.trim().replace(/\/+$/, '');
  /** The address that said it offers company sign-in. */
  const [offeredBy, setOfferedBy] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    setError('');
    if (!/^https?:\/\/[^/]+/i.test(serverUrl)) return;
    let current = true;
    // Asked once the address stops changing, not at every key typed.
    const timer = setTimeout(() => {
      void offered(serverUrl).then((yes) => current && setOfferedBy(yes ? serverUrl : null));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [serverUrl]);

  if (offeredBy !== serverUrl) return null;

  async function start() {
    setBusy(true);
    setError('');
    try {
      signedIn(serverUrl, await run(serverUrl));
    } catch (e) {
      setError(reason(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="company-sign-in">
      <p class="or">{i18n.t('sso.or')}</p>
      <button
        type="button"
        id="company-sign-in"
        disabled={busy}
        aria-describedby={error ? 'company-sign-in-error' : undefined}
        onClick={() => void start()}
      >
        <Icon node={Building2} />
        <span>{busy ? i18n.t('sso.busy') : i18n.t('sso.button')}</span>
      </button>
      {error && (
        <p class="form-error" role="alert" id="company-sign-in-error">
          {error}
        </p>
      )}
    </div>
  );
}
