import './managed-server.css';
import { Building2 } from 'lucide';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';
import { ApiProblem } from '../../utils/api.ts';

/** In place of the address field when the company's policy sets the server: which one, read-only. */
export function ManagedServer({ url }: { url: string }) {
  return (
    <div class="managed-server" id="managed-server">
      <Icon node={Building2} />
      <p>
        <span class="managed-server-label">{i18n.t('rollout.signIn.server')}</span>{' '}
        <span class="managed-server-url" translate={false}>
          {url.replace(/^https?:\/\//i, '')}
        </span>
        <span class="hint">{i18n.t('rollout.signIn.setByCompany')}</span>
      </p>
    </div>
  );
}

/**
 * What a failed sign-in means when the person cannot change the address: whom to ask, on the form.
 * Null for the other failures (a wrong code), which read the same either way.
 */
export function explainManaged(e: unknown, url: string): { form: string } | null {
  if (e instanceof ApiProblem && e.code === 'network') return { form: i18n.t('rollout.signIn.unreachable', [url]) };
  if (e instanceof ApiProblem && e.code === 'http') return { form: i18n.t('rollout.signIn.notTandem', [url]) };
  return null;
}
