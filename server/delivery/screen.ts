import { isPrivateAddress } from './address.ts';
import type { ScreenHost } from './send.ts';

/** A host's addresses (Node: node:dns lookup with all: true). */
export type ResolveHost = (host: string) => Promise<string[]>;

/**
 * Node's screen for webhook hosts: every address the name resolves to, refused if any is private, loopback or
 * link-local unless the operator allows it. Node only (policy.ts): the Worker has no DNS lookup to screen with,
 * so this stays out of its bundle.
 */
export const screenHost =
  (resolve: ResolveHost, allowPrivate: boolean): ScreenHost =>
  async (host) => {
    let addresses: string[];
    try {
      addresses = await resolve(host);
    } catch (e) {
      return { refused: `DNS lookup of ${host} failed: ${(e as Error).message}` };
    }
    if (!addresses.length) return { refused: `DNS lookup of ${host} found no address` };
    const inside = allowPrivate ? undefined : addresses.find(isPrivateAddress);
    return inside ? { refused: `Refused: ${host} resolves to a private address (${inside})` } : { addresses };
  };
