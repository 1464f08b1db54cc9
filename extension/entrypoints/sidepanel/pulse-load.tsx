import type { FunctionComponent } from 'preact';
import { pulseApi } from '../../utils/pulse-api.ts';
import type { StoredSession } from '../../utils/storage.ts';

/**
 * Asks what pulses wait for the person and, only when something does, loads the cards: the view to show, bound to
 * its data, or null. A chunk of its own, loaded after the inbox settles.
 */
export async function loadPulses(
  session: Pick<StoredSession, 'serverUrl' | 'token'>,
  account: string,
): Promise<FunctionComponent | null> {
  const api = pulseApi(session);
  const mine = await api.mine();
  if (!mine.pending.length && !mine.changes.length && !mine.results.length) return null;
  const { PulseCards } = await import('./pulse-card.tsx');
  return () => <PulseCards api={api} account={account} mine={mine} />;
}
