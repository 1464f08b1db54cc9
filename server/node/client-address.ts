import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { ClientAddress } from '../http/client-address.ts';

const unmapped = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** `TANDEM_TRUSTED_PROXY`: addresses or CIDR ranges, comma-separated (`10.0.0.5, 192.168.0.0/16, ::1`). */
export function trustedProxies(list: string | undefined): BlockList | null {
  const entries = (list ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const proxies = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    if (!isIP(address) || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) {
      throw new Error(`[tandem] TANDEM_TRUSTED_PROXY: "${entry}" is not an address or a CIDR range`);
    }
    if (prefix === undefined) proxies.addAddress(address, family(address));
    else proxies.addSubnet(address, Number(prefix), family(address));
  }
  return proxies;
}

/**
 * Node: the address of the socket's peer. Forwarded headers are anyone's to write, so they are read
 * only when that peer is a trusted proxy: then the client is the last X-Forwarded-For hop no trusted
 * proxy added (each proxy appends the address it saw), or else Cf-Connecting-Ip.
 */
export function nodeClient(proxies: BlockList | null): ClientAddress {
  const trusted = (address: string) => isIP(address) !== 0 && proxies?.check(address, family(address)) === true;
  return (c) => {
    // app.request() in tests has no socket.
    const peer = c.env?.incoming ? getConnInfo(c).remote.address : undefined;
    if (!peer || !proxies || !trusted(unmapped(peer))) return peer;
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((h) => unmapped(h.trim()))
      .filter(Boolean);
    while (hops.length > 1 && trusted(hops[hops.length - 1])) hops.pop();
    return hops.at(-1) ?? c.req.header('cf-connecting-ip') ?? peer;
  };
}
