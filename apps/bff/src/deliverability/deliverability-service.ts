import {
  adviseDeliverability,
  emailDomain,
  isAtRisk,
  routeOfEffective,
  type DomainFacts,
  type EffectiveConfig,
  type StepEvent,
  type UserDeliverability,
  type UserMailOverview,
  type VendorSpf,
} from '@saatja/core';
import type { DomainLookups } from './domain-lookups';
import { createFactsCache, type FactsCacheOptions } from './facts-cache';

export interface DeliverabilityDeps {
  lookups: DomainLookups;
  vendor: VendorSpf;
  now: () => Date;
  /** ms the whole lookup of one domain may take; then it is "could not check". */
  deadlineMs: number;
  cache?: Partial<FactsCacheOptions>;
}

/** Domains looked up at once for the users page. */
const PARALLEL_DOMAINS = 8;

/** What a lookup that ran out of time tells: nothing was checked, nothing failed. */
function notChecked(domain: string, sendingIps: readonly string[], at: Date): DomainFacts {
  return {
    domain,
    checkedAt: at.toISOString(),
    mx: { status: 'lookupFailed' },
    spf: { record: null, checks: sendingIps.map((ip) => ({ ip, result: 'temperror', detail: null })) },
    dmarc: { status: 'lookupFailed' },
  };
}

/** `work` for every item, at most `limit` at a time; a slow one holds up one worker, not a batch. */
async function eachAtMost<T>(limit: number, items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export function createDeliverabilityService(deps: DeliverabilityDeps) {
  const cache = createFactsCache({
    ttlMs: 10 * 60_000,
    failedTtlMs: 30_000,
    maxEntries: 5_000,
    now: () => deps.now().getTime(),
    ...deps.cache,
  });

  function lookUp(domain: string): Promise<DomainFacts> {
    const at = deps.now();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<DomainFacts>((resolve) => {
      timer = setTimeout(() => resolve(notChecked(domain, deps.vendor.sendingIps, at)), deps.deadlineMs);
    });
    const lookups = deps.lookups.factsOf(domain, at).catch(() => notChecked(domain, deps.vendor.sendingIps, at));
    return Promise.race([lookups, deadline]).finally(() => clearTimeout(timer));
  }

  const factsFor = (domain: string, refresh = false) => cache.get(domain, () => lookUp(domain), refresh);

  /**
   * The connection check's last step in mode `default` (From = the user's address through the relay):
   * the connection may work while receivers still refuse the mail. Other routes do not have the step.
   */
  async function checkStep(effective: EffectiveConfig, emit: (event: StepEvent) => void): Promise<void> {
    if (routeOfEffective(effective) !== 'relayAsUser') return;
    emit({ type: 'step', step: 'deliverability', status: 'running' });
    const started = performance.now();
    const facts = await factsFor(emailDomain(effective.from.address));
    const advice = adviseDeliverability(facts, { route: 'relayAsUser', mode: 'default', smtpHost: null }, deps.vendor);
    const found = { domain: advice.domain, severity: advice.severity, spf: advice.spf, dmarc: advice.dmarc };
    const durationMs = Math.round(performance.now() - started);
    if (advice.severity === 'unknown')
      emit({
        type: 'step',
        step: 'deliverability',
        status: 'skipped',
        detail: { skipped: 'dnsUnavailable', deliverability: found },
        durationMs,
      });
    else
      emit({
        type: 'step',
        step: 'deliverability',
        status: isAtRisk(advice.severity) ? 'warning' : 'ok',
        detail: { deliverability: found },
        durationMs,
      });
  }

  return {
    vendor: deps.vendor,
    factsFor,
    checkStep,
    factsForEmail: (email: string, refresh = false) => factsFor(emailDomain(email), refresh),

    /** Every user's verdict as their saved card sends; each domain looked up once, several at a time. */
    async forUsers(users: readonly UserMailOverview[]): Promise<UserDeliverability[]> {
      const rows = users.map((user) => {
        const route = routeOfEffective(user.effective);
        // Reply-To mode puts the event mailbox in From; the user's own address is Reply-To.
        const email = user.effective.replyTo ?? user.effective.from.address;
        return { user, route, domain: emailDomain(email) };
      });
      const domains = [...new Set(rows.filter((row) => row.route === 'relayAsUser').map((row) => row.domain))];
      const facts = new Map<string, DomainFacts>();
      await eachAtMost(PARALLEL_DOMAINS, domains, async (domain) => {
        facts.set(domain, await factsFor(domain));
      });
      return rows.map(({ user, route, domain }) => {
        const found = facts.get(domain);
        const card = { route, mode: user.mode, smtpHost: user.effective.transport.kind === 'smtp' ? user.effective.transport.host : null };
        return { code: user.code, domain, advice: found ? adviseDeliverability(found, card, deps.vendor) : null };
      });
    },
  };
}
export type DeliverabilityService = ReturnType<typeof createDeliverabilityService>;
