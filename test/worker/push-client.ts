import { expect } from 'vitest';
import { call, json } from './worker-fetch.ts';

/** A sign-in code of the demo organisation, redeemed over HTTP: the token the extension would hold. */
export async function signInToken(code: string): Promise<string> {
  const res = await call('/v1/session', json({ code }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

/** The extension's upgrade: the protocol, then the token as a second subprotocol. */
export const upgrade = (token: string) =>
  call('/v1/push', { headers: { upgrade: 'websocket', 'sec-websocket-protocol': `tandem.v1, ${token}` } });

/** A push socket as the extension opens it, with what it received in order. */
export async function openSocket(token: string) {
  const res = await upgrade(token);
  expect(res.status).toBe(101);
  expect(res.headers.get('sec-websocket-protocol')).toBe('tandem.v1');
  const ws = res.webSocket as WebSocket;
  ws.accept();
  const received: string[] = [];
  let wake: (() => void) | null = null;
  ws.addEventListener('message', (e) => {
    received.push(String(e.data));
    wake?.();
  });
  let read = 0;
  return {
    ws,
    /** The next message, in order (waits for it). */
    async next(): Promise<string> {
      while (received.length <= read) await new Promise<void>((resolve) => (wake = resolve));
      return received[read++];
    },
    async nextSeq(): Promise<number> {
      return (JSON.parse(await this.next()) as { seq: number }).seq;
    },
    /**
     * The `due` pushes received until now. The object answers any message with `{seq}` (never `due`), after
     * whatever it sent this socket before: so every message up to that answer came before now. Call it only
     * when no write that concerns this person is under way (its `{seq}` push would end the count early).
     */
    async duePushes(): Promise<number> {
      ws.send('where are we?');
      let due = 0;
      while ((JSON.parse(await this.next()) as { due?: boolean }).due) due++;
      return due;
    },
  };
}
