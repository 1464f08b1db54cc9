import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pingEveryMs, pushSocket, safetyPollMs } from '../../extension/utils/push-socket.ts';
import type { StoredSession } from '../../extension/utils/storage.ts';

/*
 * The push socket's lifecycle, with the browser's WebSocket stood in for (the real one, against the Worker in
 * workerd, is test/e2e/push-e2e.test.ts): when it connects, what makes it sync, ping, reconnect or give up.
 */
class StandInSocket extends EventTarget {
  sent: string[] = [];
  closed: number | null = null;
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    super();
  }
  send(data: string) {
    this.sent.push(data);
  }
  close(code = 1000) {
    this.closed = code;
  }
  opened() {
    this.dispatchEvent(new Event('open'));
  }
  receive(data: string) {
    this.dispatchEvent(Object.assign(new Event('message'), { data }));
  }
  dropped(code: number) {
    this.dispatchEvent(Object.assign(new Event('close'), { code }));
  }
}

const session = { serverUrl: 'https://tandem.example', token: 'tdm_acme_secret', me: {} } as unknown as StoredSession;

function setup(offered: boolean | null = true) {
  const sockets: StandInSocket[] = [];
  const pushed = vi.fn();
  const push = pushSocket({
    session: async () => session,
    offered: async () => offered,
    url: (s) => `${s.replace('https', 'wss')}/v1/push`,
    connect: (url, protocols) => {
      const ws = new StandInSocket(url, protocols);
      sockets.push(ws);
      return ws as unknown as WebSocket;
    },
    pushed,
    random: () => 0.5,
  });
  return { push, sockets, pushed };
}

describe('the push socket', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('connects with the token as the second protocol, syncs on open and on every push, not on pong', async () => {
    const { push, sockets, pushed } = setup();
    await push.restart();
    expect(sockets).toHaveLength(1);
    expect(sockets[0].url).toBe('wss://tandem.example/v1/push');
    expect(sockets[0].protocols).toEqual(['tandem.v1', 'tdm_acme_secret']);
    expect(push.shouldPoll()).toBe(true); // not open yet: the minute poll still syncs
    sockets[0].opened();
    expect(pushed).toHaveBeenCalledTimes(1);
    expect(push.shouldPoll()).toBe(false);
    sockets[0].receive('{"seq":42}');
    expect(pushed).toHaveBeenCalledTimes(2);
    expect(pushed).toHaveBeenLastCalledWith(false);
    vi.advanceTimersByTime(pingEveryMs);
    expect(sockets[0].sent).toEqual(['ping']);
    sockets[0].receive('pong');
    expect(pushed).toHaveBeenCalledTimes(2);
    // An ask came due (no event): the sync is told to ask for notifications.
    sockets[0].receive('{"seq":42,"due":true}');
    expect(pushed).toHaveBeenLastCalledWith(true);
    // Half an hour without a push: the minute poll syncs once more as a safety net.
    vi.setSystemTime(Date.now() + safetyPollMs);
    expect(push.shouldPoll()).toBe(true);
  });

  it('where the server has no push (Node), opens nothing and leaves syncing to the minute poll', async () => {
    const { push, sockets } = setup(false);
    await push.restart();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sockets).toHaveLength(0);
    expect(push.shouldPoll()).toBe(true);
  });

  it('closes a socket whose pong does not come, and reconnects after a backoff', async () => {
    const { push, sockets } = setup();
    await push.restart();
    sockets[0].opened();
    vi.advanceTimersByTime(pingEveryMs); // ping
    vi.advanceTimersByTime(pingEveryMs); // no pong since: close
    expect(sockets[0].closed).toBe(4000);
    sockets[0].dropped(4000);
    expect(push.up()).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sockets).toHaveLength(2);
  });

  it('backs off longer after each failure, with jitter, and not at all once signed out (4401) or replaced (4409)', async () => {
    const { push, sockets } = setup();
    await push.restart();
    for (const [i, wait] of [500, 1_000, 2_000, 4_000].entries()) {
      sockets[i].dropped(1006);
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(sockets).toHaveLength(i + 1);
      await vi.advanceTimersByTimeAsync(1);
      expect(sockets).toHaveLength(i + 2);
    }
    sockets[4].opened();
    sockets[4].dropped(4401);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(sockets).toHaveLength(5);
    expect(push.shouldPoll()).toBe(true);
    // Nor when a sixth browser of the same person took this one's place (4409): it polls.
    await push.restart();
    sockets[5].opened();
    sockets[5].dropped(4409);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(sockets).toHaveLength(6);
    expect(push.shouldPoll()).toBe(true);
  });

  it('after a regroup (4001) reconnects within a minute, spread; a restart for the same session keeps the socket', async () => {
    const { push, sockets } = setup();
    await push.restart();
    sockets[0].opened();
    await push.restart();
    expect(sockets).toHaveLength(1);
    sockets[0].dropped(4001);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sockets).toHaveLength(2);
    push.stop();
    expect(sockets[1].closed).toBe(1000);
  });
});
