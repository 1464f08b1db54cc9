import { render } from 'preact';
import type { AskDetail, PageContext } from '../../../shared/asks.ts';
import type { Me } from '../../../shared/session.ts';
import type { Api } from '../../utils/api.ts';
import type { Mode } from './compose-input.ts';
import { ComposerForm, type ComposerHandle } from './composer-form.tsx';

export interface Composer {
  el: HTMLElement;
  setPageContext(context: PageContext | null): void;
  focus(): void;
  /** A quick-capture gesture: switch to `mode` and put the cursor in the recipient picker. */
  start(mode: Mode): void;
}

export interface ComposerHandlers {
  sent(): void;
  /** The send is in the outbox, waiting for the server. */
  saved(): void;
  /** The requester chose to follow an existing ask instead of sending a duplicate. */
  followed(detail: AskDetail): void;
  /** The requester chose to open their own open ask instead of sending it again. */
  opened(detail: AskDetail): void;
}

/**
 * The Ask / Thank composer for the panel's shell: a Preact form rendered into its own element, with
 * the shell's calls forwarded to it. It renders at once, so the handle is filled before this returns.
 */
export function composer(client: Api, me: Me, on: ComposerHandlers, account: string): Composer {
  const el = document.createElement('div');
  el.className = 'composer-host';
  const handle: { current: ComposerHandle | null } = { current: null };
  render(<ComposerForm client={client} me={me} on={on} account={account} handle={handle} />, el);
  return {
    el,
    setPageContext: (context) => handle.current?.setPageContext(context),
    focus: () => handle.current?.focus(),
    start: (mode) => handle.current?.start(mode),
  };
}
