import { lookup } from 'node:dns/promises';
import type { Ledgers } from '../core/remote.ts';
import type { OutboundPolicy } from '../delivery/policy.ts';
import { deliveryRound } from '../delivery/round.ts';
import { type ResolveHost, send } from '../delivery/send.ts';
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
  const sendOne = (d: Parameters<typeof send>[0]) =>
    send(d, { policy: options.policy, resolve: options.resolve ?? dnsResolve, post: pinnedPost });
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
    /** One round now (tests drive the loop with it); waits for a round already running first. */
    round: async () => {
      if (running) await running;
      return round();
    },
    stop: () => clearInterval(timer),
  };
}
