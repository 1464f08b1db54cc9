import './composer.css';
import { createRef } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AskDetail, PageContext } from '../../../shared/asks.ts';
import type { Me } from '../../../shared/session.ts';
import { ToggleGroup } from '../../ui/toggle-group.tsx';
import { type Api, composeKey } from '../../utils/api.ts';
import { directorySearch, warmDirectory } from '../../utils/directory-cache.ts';
import { forgetPageContext } from '../../utils/page-context.ts';
import { captureVisibleTab } from '../../utils/screenshot.ts';
import { AskFields } from './ask-fields.tsx';
import { draftOf } from './compose-draft.ts';
import {
  type AskInput,
  emptyAsk,
  emptyThank,
  type FieldKey,
  fieldKeys,
  keysOf,
  type Mode,
  type ThankInput,
} from './compose-input.ts';
import { DuplicateNotice } from './duplicate-notice.tsx';
import { KeyboardNote, useKeyboardNote } from './keyboard-note.tsx';
import { type PickerHandle, RecipientPicker } from './recipient-picker.tsx';
import { SendRow } from './send-row.tsx';
import { ShortcutsHint } from './shortcuts-hint.tsx';
import { ThankFields } from './thank-fields.tsx';
import { useSend } from './use-send.ts';

export interface ComposerHandlers {
  sent(): void;
  /** The send is in the outbox, waiting for the server. */
  saved(): void;
  /** The requester chose to follow an existing ask instead of sending a duplicate. */
  followed(detail: AskDetail): void;
  /** The requester chose to open their own open ask instead of sending it again. */
  opened(detail: AskDetail): void;
  /** The server refused what the panel offered (a value retired since): fetch the person's details again. */
  stale?(): void;
}

export interface ComposerHandle {
  setPageContext(context: PageContext | null): void;
  focus(): void;
  start(mode: Mode): void;
}

interface ComposerFormProps {
  client: Api;
  me: Me;
  on: ComposerHandlers;
  account: string;
  /** Filled in on mount: what the panel's shell calls. */
  handle: { current: ComposerHandle | null };
  /** Fill the directory's offline cache now (the shell says when: after the inbox, not before). */
  warm?: boolean;
}

const modes = () => [
  { key: 'ask' as const, label: i18n.t('panel.compose.form.ask'), id: 'mode-ask' },
  { key: 'thank' as const, label: i18n.t('panel.compose.form.thank'), id: 'mode-thank' },
];

/** The Ask / Thank composer: one recipient picker, the mode's fields, Send (or Ctrl/Cmd+Enter). */
export function ComposerForm({ client, me, on, account, handle, warm = true }: ComposerFormProps) {
  const [mode, setMode] = useState<Mode>('ask');
  const [picked, setPicked] = useState<ComposeState['picked']>([]);
  const [ask, setAsk] = useState(emptyAsk);
  const [thank, setThank] = useState(emptyThank);
  const [context, setContext] = useState<PageContext | null>(null);
  const keyboard = useKeyboardNote();
  const key = useMemo(composeKey, []);
  const search = useMemo(() => directorySearch(client, account), [client, account]);
  const picker = useRef<PickerHandle>(null);
  const refs = useMemo(
    () => ({
      subject: createRef<HTMLElement>(),
      details: createRef<HTMLElement>(),
      importance: createRef<HTMLElement>(),
      expectedBy: createRef<HTMLElement>(),
    }),
    [],
  );
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const state = { mode, picked, ask, thank, context, me };

  const send = useSend({
    client,
    on,
    key,
    draft: () => draftOf(state),
    cleared(kind) {
      key.reset();
      setPicked([]);
      setAsk(emptyAsk);
      setThank(emptyThank);
      // The page went with the ask: the next one starts from a clean form.
      if (kind === 'ask' && context) {
        setContext(null);
        forgetPageContext(context.url);
      }
      picker.current?.focus(true); // ready for the next one, without covering the confirmation
    },
  });

  /** An edit: a message that no longer applies goes, and an error stays only while its field is still wrong. */
  function edited(keys: FieldKey[], next: Partial<typeof state>) {
    key.current();
    send.edited();
    draftOf({ ...state, ...next }).then(
      (now) => send.recheck(keys, now),
      (e: unknown) => console.warn('[tandem] [composer] could not check the form', e),
    );
  }
  const changeAsk = (patch: Partial<AskInput>) => {
    const next = { ...ask, ...patch };
    setAsk(next);
    edited(keysOf(patch), { ask: next });
  };
  const changeThank = (patch: Partial<ThankInput>) => {
    const next = { ...thank, ...patch };
    setThank(next);
    edited(keysOf(patch), { thank: next });
  };
  function switchMode(next: Mode) {
    if (next === mode) return;
    setMode(next);
    // Ask goes to one recipient: the first of the Thank's stays.
    if (next === 'ask') setPicked(picked.slice(0, 1));
    send.forget();
    key.reset();
  }

  // What the shell calls, with this render's state (renders at once: filled before `render` returns).
  useLayoutEffect(() => {
    handle.current = {
      setPageContext: setContext,
      focus: () => picker.current?.focus(),
      start(next) {
        switchMode(next);
        picker.current?.focus();
        keyboard.check();
      },
    };
  });

  useEffect(() => {
    if (warm) warmDirectory(client, account);
  }, [client, account, warm]);
  // A confirmation shows at the top of the form, where the cursor went: bring it into view.
  useLayoutEffect(() => {
    if (send.status?.done) statusRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [send.status]);
  // A refusal: the cursor goes to the first field in error, once its message is there to be read.
  useLayoutEffect(() => {
    const first = fieldKeys.find((k) => send.refused?.errors[k]);
    if (first === 'to') picker.current?.focus(true);
    else if (first === 'message') messageRef.current?.focus();
    else if (first && first !== 'values') refs[first].current?.focus();
  }, [send.refused]);

  return (
    <form
      id="composer"
      class="composer"
      aria-label={i18n.t('panel.compose.form.label')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send.send();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void send.send();
        }
      }}
    >
      <ToggleGroup
        label={i18n.t('panel.compose.form.modes')}
        class="segmented"
        options={modes()}
        selected={mode}
        select={switchMode}
      />
      <KeyboardNote shown={keyboard.shown} />
      <p ref={statusRef} id="composer-status" class="status" role="status">
        {send.status?.text ?? ''}
      </p>
      <RecipientPicker
        id="recipient"
        label={i18n.t('panel.compose.form.to')}
        search={search}
        picked={picked}
        multiple={mode === 'thank'}
        error={send.errors.to}
        handle={picker}
        onChange={(next) => {
          setPicked(next);
          edited(['to'], { picked: next });
        }}
      />
      {/* Both stay in the page, the other mode's hidden: switching back finds what was typed (and the page). */}
      <AskFields
        hidden={mode !== 'ask'}
        value={ask}
        change={changeAsk}
        errors={send.errors}
        context={context}
        capture={captureVisibleTab}
        refs={refs}
      />
      <ThankFields
        hidden={mode !== 'thank'}
        value={thank}
        change={changeThank}
        errors={send.errors}
        values={me.values}
        messageRef={messageRef}
      />
      <p class="form-error" id="composer-error" role="alert" hidden={!send.alert}>
        {send.alert ?? ''}
      </p>
      {send.duplicate ? <DuplicateNotice {...send.duplicate} /> : null}
      <SendRow busy={send.busy} />
      <ShortcutsHint />
    </form>
  );
}

type ComposeState = Parameters<typeof draftOf>[0];
