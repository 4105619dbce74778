import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AppError } from '../http/app-error';
import { isPublicAddress } from './address-policy';

export interface TargetPolicy {
  /** Ports a user-supplied server may use (SPEC §1). */
  openPorts: readonly number[];
  /** Production refuses non-public addresses; dev and tests talk to loopback servers. */
  publicOnly: boolean;
  /** Host names allowed even when they resolve to private addresses (a company's internal relay). */
  allowList: readonly string[];
}

export interface ResolvedTarget {
  /** The address to connect to: resolved once, so DNS cannot answer differently at connect time. */
  address: string;
  /** The name to verify the certificate against. */
  servername: string;
}

export type Resolver = (host: string) => Promise<{ address: string }[]>;

const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

/** One error for every refusal, so the answer reveals nothing about the internal network. */
const refused = () => new AppError('sendFailed', { detail: 'targetNotAllowed' });

/**
 * For the send path: like resolveTarget, but a name that does not resolve gives null, so the
 * connection attempt itself reports the DNS failure step by step; every other refusal stands.
 */
export async function pinTarget(host: string, port: number, policy: TargetPolicy, resolve?: Resolver): Promise<ResolvedTarget | null> {
  try {
    return await resolveTarget(host, port, policy, resolve);
  } catch (error) {
    if (error instanceof AppError && error.options.detail === 'dnsNotFound') return null;
    throw error;
  }
}

/** Check a user-supplied server before any socket opens, and pin the address it resolved to. */
export async function resolveTarget(host: string, port: number, policy: TargetPolicy, resolve: Resolver = systemResolver): Promise<ResolvedTarget> {
  if (!policy.openPorts.includes(port)) throw refused();
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  let addresses: { address: string }[];
  try {
    addresses = isIP(name) ? [{ address: name }] : await resolve(name);
  } catch {
    throw new AppError('sendFailed', { detail: 'dnsNotFound' });
  }
  const allowed = !policy.publicOnly || policy.allowList.includes(name);
  const usable = addresses.filter(({ address }) => allowed || isPublicAddress(address));
  // Every answer must pass: a name resolving to one public and one private address is refused.
  if (usable.length === 0 || usable.length !== addresses.length) throw refused();
  // IPv4 first: most mail servers listen there, and "localhost" often answers ::1 first.
  const chosen = usable.find(({ address }) => isIP(address) === 4) ?? usable[0]!;
  return { address: chosen.address, servername: name };
}
