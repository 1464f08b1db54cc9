import './queue.css';
import { Building2 } from 'lucide';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Ask } from '../../../shared/asks.ts';
import type { Queue as DepartmentQueue, Queues } from '../../../shared/inbox.ts';
import { Icon } from '../../ui/icon.tsx';
import { AskItem, type FocusRequest } from './ask-item.tsx';
import type { ListHandle } from './inbox.tsx';
import { ListNotices, type ListState } from './list-notices.tsx';
import { RefreshButton } from './refresh-button.tsx';

interface QueueProps {
  /** Null until the first load. */
  data: Queues | null;
  state: ListState;
  refresh(): void;
  open(ask: Ask): void;
  handle?: ListHandle;
}

/** Each of my departments' open asks, most urgent first, with what is overdue or due today. */
export function Queue({ data, state, refresh, open, handle }: QueueProps) {
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  useEffect(() => {
    if (focus) setFocus(null);
  }, [focus]);
  useLayoutEffect(() => {
    if (!handle) return;
    handle.focusAsk = (id) => {
      if (!data?.queues.some((q) => q.asks.some((a) => a.id === id))) return false;
      setFocus({ id });
      return true;
    };
  });

  return (
    <section class="queue-view" id="queue" aria-labelledby="queue-title" aria-busy={state.loading ? 'true' : 'false'}>
      <div class="view-header">
        <h2 id="queue-title" tabIndex={-1}>
          {i18n.t('panel.lists.departmentQueue')}
        </h2>
        <RefreshButton id="refresh-queue" loading={state.loading} refresh={refresh} />
      </div>
      <ListNotices id="queue" state={state} />
      <div class="queue-body">
        {data && !data.queues.length ? (
          <p class="empty">{i18n.t('panel.lists.noDepartment')}</p>
        ) : (
          data?.queues.map((q) => <Department key={q.department.id} queue={q} focus={focus} open={open} />)
        )}
      </div>
    </section>
  );
}

function Department({
  queue,
  focus,
  open,
}: {
  queue: DepartmentQueue;
  focus: FocusRequest | null;
  open(a: Ask): void;
}) {
  const headingId = `queue-${queue.department.id}-heading`;
  return (
    <section class="queue" aria-labelledby={headingId}>
      <h3 class="queue-heading" id={headingId}>
        <Icon node={Building2} size={14} />
        <span class="queue-name" translate={false}>
          {queue.department.name}
        </span>
        <span class="count">{i18n.t('panel.lists.openCount', [queue.asks.length])}</span>
        {queue.overdue ? (
          <span class="pill pill-overdue">{i18n.t('panel.lists.overdueCount', [queue.overdue])}</span>
        ) : null}
        {queue.dueToday ? (
          <span class="pill pill-due-today">{i18n.t('panel.lists.dueTodayCount', [queue.dueToday])}</span>
        ) : null}
      </h3>
      {queue.asks.length ? (
        <ul class="items">
          {queue.asks.map((a) => (
            <AskItem
              key={a.id}
              ask={a}
              who={
                a.to.kind === 'person'
                  ? i18n.t('panel.lists.fromTo', [a.requester.name, a.to.name])
                  : i18n.t('panel.lists.from', [a.requester.name])
              }
              queue
              focus={focus?.id === a.id ? focus : null}
              onOpen={open}
              minute={Math.floor(Date.now() / 60_000)}
            />
          ))}
        </ul>
      ) : (
        <p class="empty">{i18n.t('panel.lists.allCaughtUp', [queue.department.name])}</p>
      )}
    </section>
  );
}
