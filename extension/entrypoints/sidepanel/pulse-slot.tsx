import './pulse-card.css';
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Api, MyPulsesResult } from '../../utils/api.ts';
import type { PulseCardsProps } from './pulse-card.tsx';

interface PulseSlotProps {
  client: Api;
  account: string;
  /** The inbox's first answer has come: the pulses are asked for only then, never before first paint. */
  ready: boolean;
  failed(e: unknown): void;
}

/**
 * Where the pulse cards wait, at the top of the inbox: their script loads with import() only when the server has
 * something for the person (most of the time it has not). The styles come with the panel's (a lazily loaded
 * chunk's own stylesheet is not applied in the built panel).
 */
export function PulseSlot({ client, account, ready, failed }: PulseSlotProps) {
  const [shown, setShown] = useState<{ Cards: FunctionComponent<PulseCardsProps>; mine: MyPulsesResult } | null>(null);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    Promise.resolve()
      .then(() => client.myPulses())
      .then(async (mine) => {
        if (!mine.pending.length && !mine.changes.length) return;
        const { PulseCards } = await import('./pulse-card.tsx');
        if (live) setShown({ Cards: PulseCards, mine });
      })
      .catch((e) => live && failed(e)); // optional: the inbox stands without its pulse cards
    return () => {
      live = false;
    };
  }, [client, ready]);
  return shown ? <shown.Cards client={client} account={account} mine={shown.mine} /> : null;
}
