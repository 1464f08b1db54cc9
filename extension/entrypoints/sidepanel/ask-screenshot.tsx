import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Ask } from '../../../shared/asks.ts';
import type { Api } from '../../utils/api.ts';

/** Object URLs of screenshots already fetched, per ask: the picture never changes, re-renders reuse it. */
const loaded = new Map<string, Promise<string>>();

function screenshotUrl(client: Api, askId: string): Promise<string> {
  let url = loaded.get(askId);
  if (!url) {
    url = client.screenshot(askId).then((blob) => URL.createObjectURL(blob));
    loaded.set(askId, url);
    url.catch(() => loaded.delete(askId));
  }
  return url;
}

/**
 * The screenshot the requester attached, fetched with the bearer token (an <img> cannot send one) and
 * shown as a thumbnail that opens full size.
 */
export function AskScreenshot({ client, ask }: { client: Api; ask: Ask }) {
  const [shot, setShot] = useState<{ src: string } | { failed: true } | null>(null);
  const wanted = Boolean(ask.context?.screenshot);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    screenshotUrl(client, ask.id).then(
      (src) => live && setShot({ src }),
      () => live && setShot({ failed: true }),
    );
    return () => {
      live = false;
    };
  }, [client, ask.id, wanted]);
  if (!ask.context?.screenshot) return null;
  const src = shot && 'src' in shot ? shot.src : undefined;
  return (
    <figure class="detail-screenshot" aria-busy={shot ? 'false' : 'true'}>
      <a
        class="screenshot-link"
        href={src}
        target="_blank"
        rel="noopener"
        title={i18n.t('panel.lists.manage.openFullSize')}
      >
        <img
          alt={i18n.t('panel.lists.manage.screenshotOf', [ask.context.title || ask.context.url])}
          id="ask-screenshot-image"
          src={src}
        />
      </a>
      <figcaption>
        {shot && 'failed' in shot
          ? i18n.t('panel.lists.manage.screenshotFailed')
          : i18n.t('panel.lists.manage.screenshotCaption')}
      </figcaption>
    </figure>
  );
}
