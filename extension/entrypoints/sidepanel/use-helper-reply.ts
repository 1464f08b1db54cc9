import { useEffect, useState } from 'preact/hooks';
import type { Ask } from '../../../shared/asks.ts';
import type { Api } from '../../utils/api.ts';

export interface HelperReply {
  name: string;
  body: string;
}

/**
 * What the people who served an ask last said to its requester (the newest reply not written by the
 * requester), read from the ask's timeline; null while loading, when nobody replied, or when it
 * cannot be read (the card works without it).
 */
export function useHelperReply(client: Api, ask: Ask): HelperReply | null {
  const [reply, setReply] = useState<HelperReply | null>(null);
  const { id, replyCount } = ask;
  const requester = ask.requester.id;
  useEffect(() => {
    if (!replyCount) return;
    let live = true;
    client.ask(id).then(
      ({ timeline }) => {
        const last = timeline.findLast((e) => e.type === 'reply' && e.body && e.actor?.id !== requester);
        if (live) setReply(last?.actor && last.body ? { name: last.actor.name, body: last.body } : null);
      },
      (e: unknown) => console.warn('[tandem] [rating-card] the reply could not be read', e),
    );
    return () => {
      live = false;
    };
  }, [client, id, replyCount, requester]);
  return reply;
}
