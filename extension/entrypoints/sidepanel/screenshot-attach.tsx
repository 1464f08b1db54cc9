import { Camera, X } from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';
import { CaptureRefused } from '../../utils/screenshot.ts';

interface ScreenshotAttachProps {
  /** The chosen picture as a data URL, or null. */
  image: string | null;
  set(image: string | null): void;
  capture(): Promise<string>;
}

/**
 * "Add screenshot": the person chooses to attach a picture of the page. It shows as a thumbnail with
 * Remove; nothing is captured unless they click.
 */
export function ScreenshotAttach({ image, set, capture }: ScreenshotAttachProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const add = useRef<HTMLButtonElement>(null);
  const removed = useRef(false);

  // After Remove, the cursor goes back to Add (which only exists once the picture is gone).
  useEffect(() => {
    if (image === null && removed.current) add.current?.focus();
    removed.current = false;
  }, [image]);

  async function take() {
    setError(null);
    setBusy(true);
    try {
      set(await capture());
    } catch (e) {
      setError(e instanceof CaptureRefused ? e.message : i18n.t('panel.compose.screenshot.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="screenshot-attach">
      {image === null ? (
        <button ref={add} type="button" class="ghost small" id="ask-screenshot-add" disabled={busy} onClick={take}>
          <Icon node={Camera} size={14} />
          <span>{i18n.t('panel.compose.screenshot.add')}</span>
        </button>
      ) : (
        <div class="screenshot-preview" id="ask-screenshot">
          <img src={image} alt={i18n.t('panel.compose.screenshot.alt')} />
          <button
            type="button"
            class="ghost small"
            id="ask-screenshot-remove"
            onClick={() => {
              removed.current = true;
              set(null);
            }}
          >
            <Icon node={X} size={14} />
            <span>{i18n.t('panel.compose.screenshot.remove')}</span>
          </button>
        </div>
      )}
      <p class="field-error" id="ask-screenshot-error" role="alert" hidden={!error}>
        {error ?? ''}
      </p>
    </div>
  );
}
