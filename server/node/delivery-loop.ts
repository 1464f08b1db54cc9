import { lookup } from 'node:dns/promises';
import type { AsyncLedger, Ledgers } from '../core/remote.ts';
import { deliveryArming } from '../delivery/arming.ts';
import type { OutboundPolicy } from '../delivery/policy.ts';
import { deliveryRound } from '../delivery/round.ts';
import { type ResolveHost, screenHost } from '../delivery/screen.ts';
import { send } from '../delivery/send.ts';
import { pinnedPost } from './pinned-post.ts';

/** Every address a host resolves to: each is checked, so a name cannot hide a private one among public ones. */
export const dnsResolve: ResolveHost = async (host) => (await lookup(host, { all: true })).map((a) => a.address);

/**
 * Node's delivery loop: every few seconds, one round (delivery/round.ts) per organisation. Rounds never
 * overlap; a round that fails is logged and the next one tries again (the outbox keeps everything).
 */
export function deliverPeriodically(
  ledgers: Ledgers,
  /** Every organisation's id (the registry's list). */
  orgIds: () => Promise<string[]>,
  options: { policy: OutboundPolicy; everyMs?: number; resolve?: ResolveHost },
) {
  const screen = screenHost(options.resolve ?? dnsResolve, options.policy.allowPrivate);
  const sendOne = (d: Parameters<typeof send>[0]) => send(d, { policy: options.policy, screen, post: pinnedPost });
  let running: Promise<number> | null = null;
  const round = async (): Promise<number> => {
    let sent = 0;
    for (const orgId of await orgIds()) {
      const ledger = await ledgers.open(orgId);
      if (ledger) sent += await deliveryRound(ledger, sendOne);
    }
    return sent;
  };
  const tick = () => {
    if (running) return;
    running = round()
      .catch((e: Error) => {
        console.error(`[tandem] webhook delivery round failed: ${e.message}`);
        return 0;
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.everyMs ?? 2_000);
  timer.unref();
  return {
    /** A round as soon as the current one (if any) ends: after a write that may have queued a delivery. */
    wake: () => {
      const soon = setTimeout(tick, running ? 250 : 0);
      soon.unref();
    },
    /** One round now (tests drive the loop with it); waits for a round already running first. */
    round: async () => {
      if (running) await running;
      return round();
    },
    stop: () => clearInterval(timer),
  };
}

/** The ledgers the HTTP app uses, with `wake` called after each command that may queue a delivery. */
export function wakingLedgers(ledgers: Ledgers, wake: () => void): Ledgers {
  const wrap = (ledger: AsyncLedger): AsyncLedger =>
    new Proxy(ledger, {
      get(target, op, receiver) {
        const fn = Reflect.get(target, op, receiver);
        if (typeof op !== 'string' || !deliveryArming.has(op as keyof AsyncLedger)) return fn;
        return async (...args: unknown[]) => {
          const result = await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
          wake();
          return result;
        };
      },
    });
  return {
    open: async (orgId) => {
      const ledger = await ledgers.open(orgId);
      return ledger && wrap(ledger);
    },
    unknownOrgs: () => ledgers.unknownOrgs(),
    create: async (orgId) => wrap(await ledgers.create(orgId)),
  };
}
