import ipaddr from 'ipaddr.js';

/**
 * The client a sign-in limit counts: an IPv4 address, or the /64 an IPv6 address is in. A site
 * gets a whole /64 and a host there may use any address in it, so counting single IPv6 addresses
 * would give one client 2^64 fresh starts.
 */
export function clientKey(ip: string): string {
  const bare = ip.replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return ip;
  // process() reads an IPv4-mapped IPv6 address as the IPv4 address it carries.
  const address = ipaddr.process(bare);
  if (address.kind() === 'ipv4') return address.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/64`).toString()}/64`;
}
