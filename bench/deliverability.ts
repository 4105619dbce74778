import { adviseDeliverability } from '../packages/core/src/index';
import { deliverabilityTable, deliverabilityZone, TABLE_SENDING_IPS } from '../packages/core/test/deliverability-table';
import { answerFromZone, startDnsServer } from '../packages/local-servers/src/index';
import { createDeliverabilityService } from '../apps/bff/src/deliverability/deliverability-service';
import { createDomainLookups } from '../apps/bff/src/deliverability/domain-lookups';
import { createDnsResolver } from '../apps/bff/src/network/dns-resolver';

/** Rounds over the table's domains; each round looks every domain up anew. */
const ROUNDS = 20;

export interface Latency {
  p50: number;
  p99: number;
}
export interface DeliverabilityResult {
  /** ms: MX, SPF for each sending IP (includes, macros), DMARC, and the verdict; nothing cached. */
  fresh: Latency;
  /** ms: the verdict from facts cached for the domain. */
  cached: Latency;
  /** ms: the baseline, the three bare queries (MX, TXT, _dmarc TXT) on the same server. */
  bare: Latency;
  lookups: number;
}

/** The nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const latency = (values: readonly number[]): Latency => ({ p50: percentile(values, 50), p99: percentile(values, 99) });

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * The card's advice against a local DNS server serving the table of SPEC §11 (the silent domain
 * left out: it measures the timeout). The baseline is what any check of a domain costs at least.
 */
export async function measureDeliverability(): Promise<DeliverabilityResult> {
  const dns = await startDnsServer({ answer: answerFromZone(deliverabilityZone) });
  try {
    const resolver = createDnsResolver([`${dns.address}:${dns.port}`], { timeoutMs: 1000 });
    const vendor = { sendingIps: TABLE_SENDING_IPS, include: null };
    const service = createDeliverabilityService({
      lookups: createDomainLookups(resolver, vendor.sendingIps),
      vendor,
      now: () => new Date(),
      deadlineMs: 5000,
    });
    const card = { route: 'relayAsUser', mode: 'default', smtpHost: null } as const;
    const domains = deliverabilityTable.filter((row) => row.expected.severity !== 'unknown').map((row) => row.domain);
    const advise = async (domain: string, refresh: boolean) => adviseDeliverability(await service.factsFor(domain, refresh), card, vendor);
    const bareQueries = (domain: string) =>
      Promise.allSettled([resolver.resolveMx(domain), resolver.resolveTxt(domain), resolver.resolveTxt(`_dmarc.${domain}`)]);
    for (const domain of domains) await advise(domain, true);
    const fresh: number[] = [];
    const cached: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const domain of domains) {
        bare.push(await timed(() => bareQueries(domain)));
        fresh.push(await timed(() => advise(domain, true)));
        cached.push(await timed(() => advise(domain, false)));
      }
    }
    return { fresh: latency(fresh), cached: latency(cached), bare: latency(bare), lookups: fresh.length };
  } finally {
    await dns.close();
  }
}

export function printDeliverability(result: DeliverabilityResult): void {
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(`\nDeliverability advice against a local DNS server (${result.lookups} lookups of ${result.lookups / ROUNDS} domains):`);
  console.log(`  fresh (MX, SPF per sending IP, DMARC, verdict): p50 ${ms(result.fresh.p50)}, p99 ${ms(result.fresh.p99)}`);
  console.log(`  cached (verdict from the domain's facts):        p50 ${ms(result.cached.p50)}, p99 ${ms(result.cached.p99)}`);
  console.log(`  baseline (bare MX + TXT + _dmarc TXT):           p50 ${ms(result.bare.p50)}, p99 ${ms(result.bare.p99)}`);
  console.log(
    `  ratio fresh/baseline: p50 ${(result.fresh.p50 / result.bare.p50).toFixed(2)}×, p99 ${(result.fresh.p99 / result.bare.p99).toFixed(2)}×`,
  );
}

// `tsx bench/deliverability.ts`: this measurement alone.
if (import.meta.url === `file://${process.argv[1]}`) printDeliverability(await measureDeliverability());
