import { isIPv6 } from 'node:net';

/**
 * Who a connection counts against: an IPv4 address (also when it arrives IPv4-mapped as
 * `::ffff:a.b.c.d`), or an IPv6 /64 — one site's network, as a single host may hold a whole
 * /64 and would otherwise get a fresh limit per address.
 */
export function clientKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const groups = expandIPv6(address.split('%')[0] ?? address);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address.toLowerCase();
}

/** The eight groups of an IPv6 address, `::` filled in; null when it does not split so. */
function expandIPv6(address: string): string[] | null {
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail takes two groups.
  const last = right.at(-1) ?? left.at(-1) ?? '';
  const ipv4Groups = last.includes('.') ? 1 : 0;
  const missing = 8 - left.length - right.length - ipv4Groups;
  if (tail === undefined ? missing !== 0 : missing < 0) return null;
  return [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right].map((g) =>
    g.includes('.') ? g : g.replace(/^0+(?=.)/, ''),
  );
}
