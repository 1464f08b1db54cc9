import { createRef, render } from 'preact';
import { useImperativeHandle, useRef, useState } from 'preact/hooks';
import type { Ask, AskDetail as Detail } from '../../../shared/asks.ts';
import type { Api } from '../../utils/api.ts';
import { AskDetail, type DetailHandlers, type ShownAsk } from './ask-detail.tsx';

export type { DetailHandlers };

/** What the panel's shell does with the detail. */
export interface DetailHandle {
  /** Shows an ask: at once from what the list had, then in full. */
  open(from: Ask | Detail, notice?: string): void;
  close(): void;
  /** Fetches the shown ask again (something changed on the server). */
  reload(): void;
  /** The event sequence the shown ask is current at. */
  seq(): number;
  currentId(): string | null;
}

interface Opened {
  from: Ask | Detail;
  notice: string;
}

const idOf = (from: Ask | Detail) => ('ask' in from ? from.ask.id : from.id);

/** Shows the ask the shell opened, one component per ask. */
function AskDetailHost(props: {
  client: Api;
  meId: string;
  on: DetailHandlers;
  handle: { current: DetailHandle | null };
}) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const shown = useRef<ShownAsk>(null);
  useImperativeHandle(
    props.handle,
    () => ({
      open: (from, notice = '') => setOpened({ from, notice }),
      close: () => setOpened(null),
      reload: () => shown.current?.reload(),
      seq: () => shown.current?.seq() ?? 0,
      currentId: () => (opened ? idOf(opened.from) : null),
    }),
    [opened],
  );
  if (!opened) return null;
  return (
    <AskDetail
      key={idOf(opened.from)}
      client={props.client}
      meId={props.meId}
      on={props.on}
      from={opened.from}
      notice={opened.notice}
      control={shown}
    />
  );
}

/**
 * The ask detail for the panel's shell: an element to place, and the handle the shell drives it with.
 * `on` is read once: its functions should stay the same for the panel's life.
 */
export function askDetailView(client: Api, meId: string, on: DetailHandlers) {
  const el = document.createElement('div');
  const handle = createRef<DetailHandle>();
  render(<AskDetailHost client={client} meId={meId} on={on} handle={handle} />, el);
  return {
    el,
    open: (from: Ask | Detail, notice?: string) => handle.current?.open(from, notice),
    close: () => handle.current?.close(),
    reload: () => handle.current?.reload(),
    seq: () => handle.current?.seq() ?? 0,
    currentId: () => handle.current?.currentId() ?? null,
  };
}
