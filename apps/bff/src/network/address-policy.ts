import { BlockList, isIP } from 'node:net';

/**
 * Address ranges a user-supplied SMTP server may not point at in production (SPEC §8): loopback,
 * private, link-local (incl. cloud metadata 169.254.169.254), CGNAT, unspecified, multicast and
 * reserved ranges, and their IPv4-mapped IPv6 forms.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** `::ffff:127.0.0.1` → `127.0.0.1`, so a mapped address is judged as the IPv4 it is. */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  return { address, family: isIP(address) === 4 ? 'ipv4' : 'ipv6' };
}

/** Whether an IP literal (as resolved, never as typed) is a public unicast address. */
export function isPublicAddress(ip: string): boolean {
  if (isIP(ip) === 0) return false;
  const { address, family } = unmapped(ip);
  return !blocked.check(address, family);
}
