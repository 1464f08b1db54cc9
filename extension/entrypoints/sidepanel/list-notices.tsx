import { History, WifiOff } from 'lucide';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';

/** What a list view says about its data, beside the data itself. */
export interface ListState {
  loading: boolean;
  /** The last refresh failed (and not for want of a network while something is shown). */
  error: string | null;
  /** A calm announcement ("Rated …"), read by screen readers. */
  notice: string;
  /** Set when the last refresh could not reach the server: the time of what the list still shows. */
  offlineSeenAt: Date | null;
  /** Set while the list shown is the one remembered from earlier and the server has not answered yet. */
  earlierSeenAt: Date | null;
}

export const initialListState: ListState = {
  loading: false,
  error: null,
  notice: '',
  offlineSeenAt: null,
  earlierSeenAt: null,
};

/** "10:42": minutes are enough to tell how old a list is. */
const clock = (at: Date) => at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** A list view's live lines: its status, its error, and the offline mark over what was last seen. */
export function ListNotices({ id, state }: { id: string; state: ListState }) {
  return (
    <>
      <p class="status" id={`${id}-status`} role="status">
        {state.notice}
      </p>
      <p class="form-error" role="alert" hidden={!state.error}>
        {state.error ?? ''}
      </p>
      {/* Always there, so its words are announced when they appear. */}
      <p class="offline-mark" id={`${id}-offline`} role="status">
        {state.offlineSeenAt ? (
          <>
            <Icon node={WifiOff} size={14} />
            <span>{i18n.t('panel.lists.offlineSince', [clock(state.offlineSeenAt)])}</span>
          </>
        ) : state.earlierSeenAt ? (
          <>
            <Icon node={History} size={14} />
            <span>{i18n.t('panel.lists.earlierSince', [clock(state.earlierSeenAt)])}</span>
          </>
        ) : null}
      </p>
    </>
  );
}
