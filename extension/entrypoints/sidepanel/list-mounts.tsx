import { render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Ask } from '../../../shared/asks.ts';
import type { Inbox as InboxData, Queues } from '../../../shared/inbox.ts';
import type { Me } from '../../../shared/session.ts';
import { type Api, ApiProblem } from '../../utils/api.ts';
import type { OutboxItem } from '../../utils/storage.ts';
import { Inbox, type ListHandle } from './inbox.tsx';
import { initialListState, type ListState } from './list-notices.tsx';
import { OutboxList } from './outbox-list.tsx';
import { Queue } from './queue.tsx';
import type { RatedEvent } from './rating-card.tsx';

/*
 * The lists as the shell (components/signed-in.ts, not yet Preact) drives them: each factory makes its
 * element, renders its component into it, and renders again with new props when the shell calls a
 * method. Preact diffs each time, so component state (the list shown, half-chosen stars) and focus stay.
 * TODO [2027-03-01]: drop this file when the shell is a component that passes these props itself.
 */

export type { RatedEvent };

const offline = (cause: unknown) => cause instanceof ApiProblem && cause.code === 'network';

/**
 * A list's data and state as the shell's calls change them, and the methods it calls; `draw` renders
 * the component again after each.
 */
function listControls<T>(draw: (data: T | null, state: ListState, handle: ListHandle) => void) {
  const handle: ListHandle = {};
  let data: T | null = null;
  let state: ListState = initialListState;
  let seenAt: Date | null = null;
  const set = (patch: Partial<ListState>) => {
    state = { ...state, ...patch };
    draw(data, state, handle);
  };
  draw(data, state, handle);
  return {
    /** New data, current again: no longer what was seen before going offline. */
    render(next: T) {
      data = next;
      seenAt = new Date();
      set({ offlineSeenAt: null });
    },
    setLoading: (loading: boolean) => set({ loading }),
    /**
     * A failed refresh. Without a network, a list that shows something keeps it, marked with when it
     * was seen, rather than an error; `cause` is the error the refresh threw.
     */
    setError(message: string | null, cause?: unknown) {
      if (message && seenAt && offline(cause)) set({ error: null, offlineSeenAt: seenAt });
      else set({ error: message });
    },
    announce: (notice: string) => set({ notice }),
    /** Puts focus back on an ask's row; false when it is not in the visible list. */
    focusAsk: (id: string) => handle.focusAsk?.(id) ?? false,
  };
}

/** A node built outside Preact (the Outbox's element), placed in a component's tree. */
function Foreign({ node }: { node: HTMLElement }) {
  const slot = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => slot.current?.replaceChildren(node), [node]);
  return <div class="foreign" ref={slot} />;
}

export interface InboxHandlers {
  refresh(): void;
  open(ask: Ask): void;
  rated(event: RatedEvent): void;
}

/** The inbox; `top` (the Outbox's element) is shown first. */
export function inboxView(client: Api, me: Me, on: InboxHandlers, top?: HTMLElement) {
  const el = document.createElement('div');
  const slot = top ? <Foreign node={top} /> : null;
  // The shell announces a rating in the status line at the top; the card's confirmation, in its place
  // and focused, already says it, and a second copy above would push the view down as it appears.
  let confirming = false;
  const rated = (event: RatedEvent) => {
    confirming = true;
    try {
      on.rated(event);
    } finally {
      confirming = false;
    }
  };
  const methods = listControls<InboxData>((data, state, handle) =>
    render(
      <Inbox
        client={client}
        me={me}
        data={data}
        state={state}
        top={slot}
        refresh={on.refresh}
        open={on.open}
        rated={rated}
        handle={handle}
      />,
      el,
    ),
  );
  return { el, ...methods, announce: (notice: string) => confirming || methods.announce(notice) };
}

/** Each of my departments' open asks. */
export function queueView(on: { refresh(): void; open(ask: Ask): void }) {
  const el = document.createElement('div');
  const methods = listControls<Queues>((data, state, handle) =>
    render(<Queue data={data} state={state} refresh={on.refresh} open={on.open} handle={handle} />, el),
  );
  return { el, ...methods };
}

/** The Outbox's element, and `render` for the items waiting in it. */
export function outboxList(on: { retry(item: OutboxItem): void; discard(item: OutboxItem): void }) {
  const el = document.createElement('div');
  el.className = 'foreign';
  return {
    el,
    render: (items: OutboxItem[]) => render(<OutboxList items={items} retry={on.retry} discard={on.discard} />, el),
  };
}
