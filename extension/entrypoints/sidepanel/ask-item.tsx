import { AlarmClock, Building2, MessageSquare, UserRound } from 'lucide';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Ask } from '../../../shared/asks.ts';
import { Icon } from '../../ui/icon.tsx';
import { statusLabel } from '../../ui/labels.ts';
import { memo } from '../../ui/memo.ts';
import { nextDue } from '../../utils/due.ts';
import { Time } from './ask-time.tsx';
import { ImportancePill } from './importance-pill.tsx';

/** A request to put focus on one row; a new object each time, so asking twice focuses twice. */
export interface FocusRequest {
  id: string;
}

interface AskItemProps {
  ask: Ask;
  /** "from Sam Rivera to Payroll", "to Payroll". */
  who: string;
  /** Queue rows show the service clock and the assignee. */
  queue?: boolean;
  focus?: FocusRequest | null;
  onOpen(ask: Ask): void;
  /** The minute of the render: a row whose ask did not change still renders anew when its "5 min. ago" may have. */
  minute?: number;
}

/**
 * One ask in a list: a button (its accessible name starts with the subject) that opens the ask. A row
 * renders again only when one of its props did (a list of 50 is re-rendered on every refresh, and the
 * rows that did not change keep their objects: use-loaded-list.ts), so `onOpen` must be a stable function.
 */
export const AskItem = memo(AskRow);

function AskRow({ ask, who, queue, focus, onOpen }: AskItemProps) {
  const button = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (focus) button.current?.focus();
  }, [focus]);
  const due = queue ? nextDue(ask) : null;
  const importance = ask.importance === 'high' || ask.importance === 'urgent';
  return (
    <li>
      <button ref={button} type="button" class="ask-item" onClick={() => onOpen(ask)}>
        <span class="item-top">
          <span class="item-title" title={ask.subject} translate={false}>
            {ask.subject}
          </span>
          <span class={`pill pill-${ask.status}`}>{statusLabel[ask.status]}</span>
        </span>
        <span class="item-meta">
          {ask.to.kind === 'department' ? <Icon node={Building2} size={12} /> : null}
          <span>{who}</span>
          {' · '}
          <Time iso={ask.createdAt} />
          {ask.replyCount ? (
            <span class="meta-count">
              {' · '}
              <Icon node={MessageSquare} size={12} />
              {String(ask.replyCount)}
            </span>
          ) : null}
        </span>
        {queue || due || importance ? (
          <span class="item-meta">
            {due ? (
              <span
                class={due.overdue ? 'due due-overdue' : 'due'}
                title={i18n.t('panel.lists.dueAt', [
                  i18n.t(due.target === 'first response' ? 'panel.lists.firstResponse' : 'panel.lists.resolution'),
                  new Date(due.at).toLocaleString(),
                ])}
              >
                <Icon node={AlarmClock} size={12} />
                {due.text}
              </span>
            ) : null}
            <ImportancePill ask={ask} />
            {queue ? (
              <span class="assignee">
                <Icon node={UserRound} size={12} />
                {ask.assignee ? ask.assignee.name : i18n.t('panel.lists.unassigned')}
              </span>
            ) : null}
          </span>
        ) : null}
      </button>
    </li>
  );
}
