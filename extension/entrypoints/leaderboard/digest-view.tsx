import { Copy, FileDown } from 'lucide';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';
import type { Api } from '../../utils/api.ts';
import { download } from './data-table.tsx';
import { useView, type ViewEvents } from './use-view.ts';

/** The weekly digest as it goes out: text for a chat webhook, HTML for email. */
export function DigestView({ client, ...on }: { client: Api } & ViewEvents) {
  const text = useView(() => client.digest('text'), 'digest', on);
  const [said, setSaid] = useState('');
  const copy = () =>
    navigator.clipboard.writeText(text ?? '').then(
      () => setSaid(i18n.t('leaderboard.digest.copied')),
      () => setSaid(i18n.t('leaderboard.digest.copyBlocked')),
    );
  const email = () =>
    client.digest('html').then(
      (html) => download('tandem-digest.html', 'text/html', html),
      (e: unknown) => on.failed(e),
    );
  return (
    <section class="view" id="digest-view" aria-label={i18n.t('leaderboard.app.digest')}>
      <section class="card" aria-labelledby="digest-title">
        <div class="card-header">
          <h2 id="digest-title">{i18n.t('leaderboard.digest.title')}</h2>
          <div class="actions">
            <button type="button" id="digest-copy" onClick={() => void copy()}>
              <Icon node={Copy} />
              <span>{i18n.t('leaderboard.digest.copy')}</span>
            </button>
            <button type="button" id="digest-html" onClick={() => void email()}>
              <Icon node={FileDown} />
              <span>{i18n.t('leaderboard.digest.emailVersion')}</span>
            </button>
          </div>
        </div>
        <p class="hint">{i18n.t('leaderboard.digest.hint')}</p>
        {text !== null ? (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a keyboard scrolls the digest's long lines; written by the server, in English for now (translate=false)
          <pre class="digest-text" id="digest-text" tabIndex={0} translate={false}>
            {text}
          </pre>
        ) : null}
        <p class="status" role="status">
          {said}
        </p>
      </section>
    </section>
  );
}
