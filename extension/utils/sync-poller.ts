import type { SyncResult } from './api.ts';

export interface SyncPollerOptions {
  sync(after: number): Promise<SyncResult>;
  intervalMs: number;
  /** Something changed since the last poll (not called for the very first one: the views are loading). */
  changed(seq: number): void;
  /** How many asks wait on the reader, whenever the server says. */
  waiting(count: number): void;
  failed(e: unknown): void;
}

/**
 * While the panel is open and visible, asks the server every `intervalMs` whether anything changed
 * since the last event seen: one cheap request when nothing did.
 */
export function syncPoller(opts: SyncPollerOptions) {
  let cursor = 0;
  let first = true;
  let busy = false;
  let again = false;
  let timer: ReturnType<typeof setInterval> | null = null;

  async function poll(): Promise<void> {
    if (document.visibilityState === 'hidden') return;
    if (busy) {
      again = true; // a change happened while a poll was under way: look once more after it
      return;
    }
    busy = true;
    try {
      const res = await opts.sync(cursor);
      if (res.waitingOnMe !== undefined) opts.waiting(res.waitingOnMe);
      const wasFirst = first;
      first = false;
      if (res.seq <= cursor && !wasFirst) return;
      cursor = res.seq;
      if (res.changed && !wasFirst) opts.changed(res.seq);
    } catch (e) {
      opts.failed(e);
    } finally {
      busy = false;
      if (again) {
        again = false;
        void poll();
      }
    }
  }

  return {
    poll,
    start() {
      timer ??= setInterval(() => void poll(), opts.intervalMs);
      void poll();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
