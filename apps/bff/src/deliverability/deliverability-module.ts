import type { Resolver } from 'node:dns/promises';
import type { Config } from '../config';
import type { Db } from '../db/database';
import { createRateLimiter } from '../http/rate-limiter';
import { createDeliverabilityService } from './deliverability-service';
import { createDomainLookups } from './domain-lookups';

/** Domain checks per user per window: typing an address asks once per pause, "check again" once per press. */
const CHECK_LIMIT = { name: 'deliverability-check', limit: 60, windowMs: 5 * 60_000 };

/** The deliverability feature wired to the deployment: its resolver (the DNS setting), sending IPs and SPF include. */
export function createDeliverabilityModule(config: Config, db: Db, resolver: Resolver, now: () => Date) {
  const vendor = { sendingIps: config.sendingIps, include: config.spfInclude };
  const service = createDeliverabilityService({
    lookups: createDomainLookups(resolver, vendor.sendingIps),
    vendor,
    now,
    // One slow include chain must not keep the card's panel waiting for long.
    deadlineMs: Math.max(2 * config.dnsTimeoutMs, 5_000),
  });
  return { service, limiter: createRateLimiter(db, CHECK_LIMIT) };
}
