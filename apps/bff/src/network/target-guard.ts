import type { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import { AppError } from '../http/app-error';
import { hostAddresses, inAddressList, isOwnAddress, isPublicAddress } from './address-policy';

export interface TargetPolicy {
  /** Ports a user-supplied server may use (SPEC §1). */
  openPorts: readonly number[];
  /**
   * Names, addresses or CIDR ranges allowed to be non-public: a company's internal relay; the local
   * servers of tests and dev mode. Nothing else is, whatever the mode.
   */
  allowList: readonly string[];
  /** The one resolver (SAATJA_DNS_SERVERS); never the system's `lookup`. */
  resolver: Pick<dns.Resolver, 'resolve4' | 'resolve6'>;
  /** The host's own addresses, read at each check; the machine's interfaces unless a test says otherwise. */
  ownAddresses?: () => readonly string[];
}

export interface ResolvedTarget {
  /** The address to connect to: resolved once, so DNS cannot answer differently at connect time. */
  address: string;
  /** The name to verify the certificate against. */
  servername: string;
}

/** One error for every refusal, so the answer reveals nothing about the internal network or DNS. */
export const targetRefused = () => new AppError('sendFailed', { detail: 'targetNotAllowed' });

/** `localhost` and its subdomains are the loopback interface (RFC 6761 §6.3), never asked of DNS. */
const LOCALHOST = /(^|\.)localhost$/;

/** A failed family counts only as "no address of that kind"; any other failure refuses. */
const NO_RECORDS = new Set(['ENODATA', 'ENOTFOUND']);

async function addressesOf(name: string, resolver: TargetPolicy['resolver']): Promise<string[]> {
  if (isIP(name)) return [name];
  if (LOCALHOST.test(name)) return ['127.0.0.1', '::1'];
  const answers = await Promise.allSettled([resolver.resolve4(name), resolver.resolve6(name)]);
  const addresses: string[] = [];
  for (const answer of answers) {
    if (answer.status === 'fulfilled') addresses.push(...answer.value);
    else if (!NO_RECORDS.has((answer.reason as NodeJS.ErrnoException | null)?.code ?? '')) throw targetRefused();
  }
  return addresses;
}

/** Whether a connection to `address` for `name` may open. */
function allowed(name: string, address: string, policy: TargetPolicy, own: readonly string[]): boolean {
  if (policy.allowList.includes(name) || inAddressList(address, policy.allowList)) return true;
  return isPublicAddress(address) && !isOwnAddress(address, own);
}

/**
 * Check a user-supplied server before any socket opens, and pin the address it resolved to (SPEC
 * §8). One resolution per attempt; it fails closed: a port not open, no address, a lookup error or
 * timeout, or any answer that is not allowed refuses, always with the same error.
 */
export async function resolveTarget(host: string, port: number, policy: TargetPolicy): Promise<ResolvedTarget> {
  if (!policy.openPorts.includes(port)) throw targetRefused();
  const name = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  let addresses: string[];
  try {
    addresses = await addressesOf(name, policy.resolver);
  } catch {
    throw targetRefused();
  }
  const own = (policy.ownAddresses ?? hostAddresses)();
  // Every answer must pass: a name resolving to one public and one private address is refused.
  if (addresses.length === 0 || !addresses.every((address) => allowed(name, address, policy, own))) throw targetRefused();
  // IPv4 first: most mail servers listen there.
  const chosen = addresses.find((address) => isIP(address) === 4) ?? addresses[0]!;
  return { address: chosen, servername: name };
}
