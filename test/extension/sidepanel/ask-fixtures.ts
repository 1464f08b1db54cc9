import { createRef, h, render } from 'preact';
import { vi } from 'vitest';
import {
  AskDetail as AskDetailView,
  type DetailHandlers,
  type ShownAsk,
} from '../../../extension/entrypoints/sidepanel/ask-detail.tsx';
import type { Api } from '../../../extension/utils/api.ts';
import type { Ask, AskActions, AskDetail, TimelineEntry } from '../../../shared/asks.ts';
import type { Department } from '../../../shared/people.ts';
import { makeAsk, priya, sam } from './fixtures.ts';

export { priya, sam } from './fixtures.ts';
export const omar = { id: 'p_omar', name: 'Omar Haddad' };

const hourAgo = new Date(Date.now() - 3_600_000).toISOString();

/** The list's ask (fixtures.ts), as an older one with more to say. */
export const anAsk = (over: Partial<Ask> = {}): Ask =>
  makeAsk({
    seq: 10,
    updatedSeq: 12,
    subject: 'Overtime missing on my November payslip',
    details: '6 approved hours on the 12th are not paid.',
    createdAt: hourAgo,
    ...over,
  });

export function actions(over: Partial<AskActions> = {}): AskActions {
  return {
    transitions: [],
    canReply: false,
    canAssign: false,
    canForward: false,
    canRate: false,
    ...over,
  };
}

export function aDetail(
  ask: Partial<Ask> = {},
  acts: Partial<AskActions> = {},
  timeline: TimelineEntry[] = [
    { seq: 10, at: hourAgo, actor: sam, type: 'created', to: { id: 'd_pay', name: 'Payroll' } },
  ],
): AskDetail {
  return { ask: anAsk(ask), timeline, actions: actions(acts) };
}

export const departments: Department[] = [
  { id: 'd_pay', name: 'Payroll' },
  { id: 'd_it', name: 'IT Help' },
  { id: 'd_fac', name: 'Facilities' },
].map((d) => ({ ...d, offers: [], memberCount: 3 }) as unknown as Department);

/** A promise the test settles when it wants to: for answers that arrive late. */
export function later<T>() {
  let resolve!: (value: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * The detail as the panel's shell shows it: one component per opened ask, in the document, with what
 * the shell reads of it; spies for every hook, and an API of the methods a test gives (each a vi.fn).
 */
export function mountDetail(client: Partial<Api>, meId = priya.id) {
  const on = {
    back: vi.fn(),
    changed: vi.fn(),
    gone: vi.fn(),
    departments: vi.fn(async () => departments),
    failed: vi.fn(),
  } satisfies DetailHandlers;
  const el = document.createElement('div');
  document.body.append(el);
  mounted.push(el);
  const shown = createRef<ShownAsk>();
  let current: string | null = null;
  const view = {
    open(from: Ask | AskDetail, notice = '') {
      current = 'ask' in from ? from.ask.id : from.id;
      render(h(AskDetailView, { key: current, client: client as Api, meId, on, from, notice, control: shown }), el);
    },
    close() {
      current = null;
      render(null, el);
    },
    reload: () => shown.current?.reload(),
    seq: () => shown.current?.seq() ?? 0,
    currentId: () => current,
  };
  return { view, on, client };
}

const mounted: HTMLElement[] = [];

/** For afterEach: unmounts every detail a test made. */
export function unmountDetails() {
  for (const el of mounted.splice(0)) {
    render(null, el);
    el.remove();
  }
}
