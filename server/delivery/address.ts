/*
 * Addresses a webhook must not reach unless the operator allows it: private, loopback, link-local, CGNAT,
 * unique-local, multicast and other special ranges (an admin's URL must not become a probe into the
 * server's own network). Pure functions: Node checks each address its DNS lookup returns.
 */

const v4 = (a: string): number[] | null => {
  const parts = a.split('.');
  if (parts.length !== 4) return null;
  const n = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  return n.every((x) => x >= 0 && x <= 255) ? n : null;
};

function privateV4([a, b]: number[]): boolean {
  return (
    a === 0 || // this network
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // CGNAT
    (a === 169 && b === 254) || // link-local (cloud metadata)
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast, reserved, broadcast
  );
}

/** Expands an IPv6 address to its eight 16-bit groups, or null. */
function v6Groups(address: string): number[] | null {
  let a = address.toLowerCase().replace(/^\[|\]$/g, '');
  const zone = a.indexOf('%');
  if (zone >= 0) a = a.slice(0, zone);
  // An embedded IPv4 tail (::ffff:10.0.0.1) becomes two groups.
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (tail) {
    const n = v4(tail[1]);
    if (!n) return null;
    a = `${a.slice(0, -tail[1].length)}${((n[0] << 8) | n[1]).toString(16)}:${((n[2] << 8) | n[3]).toString(16)}`;
  }
  const halves = a.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string) =>
    s ? s.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : Number.NaN)) : [];
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  const fill = 8 - head.length - rest.length;
  if (halves.length === 1 ? fill !== 0 : fill < 1) return null;
  const groups = [...head, ...Array(halves.length === 2 ? fill : 0).fill(0), ...rest];
  return groups.every((g) => Number.isInteger(g)) ? groups : null;
}

/** Whether an IP address (v4 or v6) is in a range webhooks must not reach by default. Unparseable: refused. */
export function isPrivateAddress(address: string): boolean {
  const four = v4(address);
  if (four) return privateV4(four);
  const g = v6Groups(address);
  if (!g) return true;
  const embedded = [g[6] >> 8, g[6] & 255, g[7] >> 8, g[7] & 255];
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) {
    // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), :: and ::1.
    return g[5] === 0 && g[6] === 0 ? true : privateV4(embedded);
  }
  if (g[0] === 0x64 && g[1] === 0xff9b) return privateV4(embedded); // NAT64
  return (
    (g[0] & 0xfe00) === 0xfc00 || // unique-local
    (g[0] & 0xffc0) === 0xfe80 || // link-local
    (g[0] & 0xff00) === 0xff00 || // multicast
    (g[0] === 0x2001 && g[1] === 0x0db8) // documentation
  );
}
