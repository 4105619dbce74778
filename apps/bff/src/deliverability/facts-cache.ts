import type { DomainFacts } from '@saatja/core';

export interface FactsCacheOptions {
  /** ms an answer is kept (Node's resolver does not expose TXT/MX TTLs; this stands for a typical one). */
  ttlMs: number;
  /** ms a "could not check" is kept, so a DNS outage is retried soon. */
  failedTtlMs: number;
  /** Domains kept at most; the oldest go first. */
  maxEntries: number;
  now: () => number;
}

const incomplete = (facts: DomainFacts) =>
  facts.mx.status === 'lookupFailed' ||
  facts.dmarc.status === 'lookupFailed' ||
  facts.spf.checks.some((check) => check.result === 'temperror');

/**
 * Facts per domain for a while, in this process. Lookups in flight are shared, so a users page
 * with fifty people at one domain asks the DNS once.
 */
export function createFactsCache(options: FactsCacheOptions) {
  const entries = new Map<string, { expiresAt: number; facts: Promise<DomainFacts> }>();

  return {
    get(domain: string, lookUp: () => Promise<DomainFacts>, refresh = false): Promise<DomainFacts> {
      const cached = entries.get(domain);
      if (cached && !refresh && cached.expiresAt > options.now()) return cached.facts;
      const facts = lookUp();
      entries.delete(domain);
      entries.set(domain, { expiresAt: Number.POSITIVE_INFINITY, facts });
      if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
      facts.then(
        (found) => {
          const entry = entries.get(domain);
          if (entry?.facts === facts) entry.expiresAt = options.now() + (incomplete(found) ? options.failedTtlMs : options.ttlMs);
        },
        () => entries.delete(domain),
      );
      return facts;
    },
  };
}
