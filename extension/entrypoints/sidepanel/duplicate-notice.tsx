import { Eye, SquareArrowOutUpRight } from 'lucide';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { SimilarAsk } from '../../../shared/asks.ts';
import { Icon } from '../../ui/icon.tsx';
import { statusLabel } from '../../ui/labels.ts';
import { relativeTime } from '../../utils/time.ts';

interface DuplicateNoticeProps {
  similar: SimilarAsk;
  /** Someone else's ask: follow it instead of sending. */
  follow(): Promise<void>;
  /** The person's own ask: open it instead of sending. */
  open(): Promise<void>;
  sendAnyway(): Promise<void>;
}

/**
 * "There is already an open ask…": the requester follows the existing one (or opens it, when it is
 * their own: there is nothing to follow), or sends theirs anyway. Nothing was created yet, so either
 * choice is safe.
 */
export function DuplicateNotice({ similar, follow, open, sendAnyway }: DuplicateNoticeProps) {
  const [busy, setBusy] = useState(false);
  const primary = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => primary.current?.focus(), []);

  const act = (fn: () => Promise<void>) => () => {
    setBusy(true);
    void fn().finally(() => setBusy(false));
  };
  const opened = relativeTime(similar.createdAt);
  return (
    <div class="notice" id="duplicate-notice">
      <p role="alert">
        {i18n.t(similar.mine ? 'panel.compose.duplicate.mine' : 'panel.compose.duplicate.other', [
          similar.to.name,
          opened,
        ])}
      </p>
      {similar.subject ? (
        <p class="notice-subject">
          {i18n.t('panel.compose.duplicate.subject', [similar.subject, statusLabel[similar.status]])}
        </p>
      ) : null}
      <div class="notice-actions">
        <button type="button" disabled={busy} onClick={act(sendAnyway)}>
          {i18n.t(similar.mine ? 'panel.compose.duplicate.sendAnother' : 'panel.compose.duplicate.sendMine')}
        </button>
        {similar.mine ? (
          <button ref={primary} type="button" class="primary" disabled={busy} onClick={act(open)}>
            <Icon node={SquareArrowOutUpRight} />
            <span>{i18n.t('panel.compose.duplicate.openMine')}</span>
          </button>
        ) : (
          <button ref={primary} type="button" class="primary" disabled={busy} onClick={act(follow)}>
            <Icon node={Eye} />
            <span>{i18n.t('panel.compose.duplicate.follow')}</span>
          </button>
        )}
      </div>
    </div>
  );
}
