import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** NAT64's well-known prefix (RFC 6052): the IPv4 address is the last 32 bits, and it is judged as that. */
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');
/** The only IPv6 space allocated for global unicast (RFC 4291 §2.4); ipaddr.js calls the rest unicast too. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * ipaddr.js reads `::a.b.c.d` as IPv4-mapped; the URL parser writes it as the hex form the kernel
 * connects to, so that is what gets judged.
 */
function parse(ip: string): Address | null {
  const bare = ip.replace(/%.*$/, '');
  try {
    return ipaddr.parse(isIP(bare) === 6 ? new URL(`http://[${bare}]`).hostname.slice(1, -1) : bare);
  } catch {
    return null;
  }
}

function lastIpv4(address: ipaddr.IPv6): ipaddr.IPv4 {
  const bytes = address.toByteArray();
  return new ipaddr.IPv4(bytes.slice(12));
}

/**
 * Every address a connection to `address` may reach: itself, and the IPv4 address its IPv6 form
 * carries (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo's server and client).
 */
export function addressForms(ip: string): Address[] {
  const address = parse(ip);
  if (!address) return [];
  if (address.kind() === 'ipv4') return [address];
  const v6 = address as ipaddr.IPv6;
  const bytes = v6.toByteArray();
  const forms: Address[] = [v6];
  switch (v6.range()) {
    case 'ipv4Mapped':
    case 'rfc6145':
    case 'rfc6052':
      forms.push(lastIpv4(v6));
      break;
    case '6to4':
      forms.push(new ipaddr.IPv4(bytes.slice(2, 6)));
      break;
    case 'teredo':
      forms.push(new ipaddr.IPv4(bytes.slice(4, 8)), new ipaddr.IPv4(bytes.slice(12).map((byte) => byte ^ 0xff)));
      break;
    default:
      // ::a.b.c.d, the deprecated IPv4-compatible form, which ipaddr.js calls unicast.
      if (bytes.slice(0, 12).every((byte) => byte === 0)) forms.push(lastIpv4(v6));
  }
  return forms;
}

/** ipaddr.js's classification of the IANA special-purpose registries: only plain unicast is public. */
function isPublicForm(address: Address): boolean {
  return address.range() === 'unicast';
}

/**
 * Whether an IP literal (as resolved, never as typed) is a public unicast address (SPEC §8).
 * IPv4-mapped and NAT64 well-known-prefix addresses are the IPv4 address they carry; every other
 * IPv6 form of IPv4 (6to4, Teredo, IPv4-compatible, NAT64 local-use) is refused outright.
 */
export function isPublicAddress(ip: string): boolean {
  const address = parse(ip);
  if (!address) return false;
  if (address.kind() === 'ipv4') return isPublicForm(address);
  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress() || v6.match(NAT64_WELL_KNOWN)) return isPublicForm(lastIpv4(v6));
  return addressForms(ip).length === 1 && isPublicForm(v6) && v6.match(GLOBAL_UNICAST_V6);
}

/** The host's own addresses, read now: interfaces come and go while the BFF runs. */
export function hostAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).map((entry) => entry.address));
}

/** Whether `ip`, or the IPv4 address it carries, is one of `own` (the host's addresses). */
export function isOwnAddress(ip: string, own: readonly string[]): boolean {
  const wanted = new Set(own.flatMap((entry) => addressForms(entry).map((form) => form.toNormalizedString())));
  return addressForms(ip).some((form) => wanted.has(form.toNormalizedString()));
}

/** Whether `ip` (or the IPv4 address it carries) falls in an allow-list entry that is an address or a CIDR range. */
export function inAddressList(ip: string, entries: readonly string[]): boolean {
  const forms = addressForms(ip);
  return entries.some((entry) => {
    const range = parseRange(entry);
    return range !== null && forms.some((form) => form.kind() === range[0].kind() && form.match(range));
  });
}

function parseRange(entry: string): [Address, number] | null {
  try {
    if (entry.includes('/')) return ipaddr.parseCIDR(entry);
    const address = ipaddr.parse(entry.replace(/^\[|\]$/g, ''));
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  } catch {
    return null;
  }
}
