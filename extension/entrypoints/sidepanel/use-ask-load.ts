import { useEffect, useRef, useState } from 'preact/hooks';
import type { AskDetail } from '../../../shared/asks.ts';
import type { Api } from '../../utils/api.ts';

/** A fetch of the ask under way; `forwardedTo` when it was just forwarded and may be out of reach now. */
export interface Load {
  forwardedTo?: string;
}

interface LoadAnswers {
  loaded(detail: AskDetail, load: Load): void;
  failed(e: unknown, load: Load): void;
}

/**
 * Fetches one ask whenever asked to (`request`), one fetch at a time: a newer request, or the detail
 * closing, drops the answer of the one before. `busy` while a fetch is under way. A request made while
 * one is under way keeps what it was for (a forward's follow-up stays one).
 */
export function useAskLoad(client: Api, id: string, answers: LoadAnswers) {
  const [load, setLoad] = useState<Load | null>(null);
  // The latest answers, so a fetch under way is not restarted because the caller re-rendered.
  const answer = useRef(answers);
  answer.current = answers;
  useEffect(() => {
    if (!load) return;
    let live = true;
    client.ask(id).then(
      (detail) => {
        if (!live) return;
        setLoad(null);
        answer.current.loaded(detail, load);
      },
      (e: unknown) => {
        if (!live) return;
        setLoad(null);
        answer.current.failed(e, load);
      },
    );
    return () => {
      live = false;
    };
  }, [client, id, load]);
  return {
    busy: load !== null,
    request: (next: Load = {}) => setLoad((pending) => ({ ...pending, ...next })),
  };
}
