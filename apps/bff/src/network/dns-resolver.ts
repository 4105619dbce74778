import { promises as dns } from 'node:dns';

export interface DnsResolverOptions {
  /** ms per query attempt before it counts as timed out. */
  timeoutMs: number;
  /** Attempts per query; default 2. */
  tries?: number;
}

/**
 * The one resolver the BFF asks (the target guard, deliverability checks): the configured servers
 * (`SAATJA_DNS_SERVERS`, `ip` or `ip:port`, `[v6]:port`), or the system's when none are given.
 * Never `dns.lookup`: that goes through the host's resolver library and its own caches and files.
 */
export function createDnsResolver(servers: readonly string[], options: DnsResolverOptions): dns.Resolver {
  const resolver = new dns.Resolver({ timeout: options.timeoutMs, tries: options.tries ?? 2 });
  if (servers.length > 0) resolver.setServers([...servers]);
  return resolver;
}
