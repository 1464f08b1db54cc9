import './pulse-card.css';
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { StoredSession } from '../../utils/storage.ts';

interface PulseSlotProps {
  session: Pick<StoredSession, 'serverUrl' | 'token'>;
  account: string;
  /** The inbox's first answer has come: the pulses are asked for only then, never before first paint. */
  ready: boolean;
  failed(e: unknown): void;
}

/**
 * Where the pulse cards wait, at the top of the inbox. Their calls and script load with import() (pulse-load.tsx),
 * the cards only when the server has something for the person. The styles come with the panel's (a lazily loaded
 * chunk's own stylesheet is not applied in the built panel).
 */
export function PulseSlot({ session, account, ready, failed }: PulseSlotProps) {
  const [Cards, setCards] = useState<FunctionComponent | null>(null);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    import('./pulse-load.tsx')
      .then((m) => m.loadPulses(session, account))
      .then(
        (view) => live && setCards(() => view),
        (e) => live && failed(e),
      ); // the inbox stands without them
    return () => {
      live = false;
    };
  }, [session.token, ready]);
  return Cards ? <Cards /> : null;
}
