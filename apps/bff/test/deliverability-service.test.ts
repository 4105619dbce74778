import { adviseDeliverability } from '@saatja/core';
import { answerFromZone, startDnsServer, type LocalDnsServer } from '@saatja/local-servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliverabilityService } from '../src/deliverability/deliverability-service';
import { createDomainLookups } from '../src/deliverability/domain-lookups';
import { createDnsResolver } from '../src/network/dns-resolver';

const vendor = { sendingIps: ['90.190.150.210'], include: null };
const zone = answerFromZone({ 'firma.test': { MX: ['mx.firma.test'], TXT: ['v=spf1 ip4:90.190.150.210 -all'] } });
let dns: LocalDnsServer;
let clock = Date.parse('2026-11-29T10:00:00Z');

beforeAll(async () => {
  // slow.test answers, but only after the service's deadline has passed.
  dns = await startDnsServer({ answer: (query) => (query.name.endsWith('slow.test') ? { delayMs: 1500, answer: [] } : zone(query)) });
});
afterAll(() => dns.close());

function service(deadlineMs = 5_000) {
  const resolver = createDnsResolver([`${dns.address}:${dns.port}`], { timeoutMs: 3_000 });
  return createDeliverabilityService({
    lookups: createDomainLookups(resolver, vendor.sendingIps),
    vendor,
    now: () => new Date(clock),
    deadlineMs,
  });
}

describe('the deliverability service', () => {
  it('when a domain’s DNS answers after the deadline, then the answer is “could not check”, in time', async () => {
    const started = performance.now();
    const facts = await service(200).factsFor('slow.test');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(facts).toMatchObject({
      mx: { status: 'lookupFailed' },
      dmarc: { status: 'lookupFailed' },
      spf: { checks: [{ result: 'temperror' }] },
    });
    expect(adviseDeliverability(facts, { route: 'relayAsUser', mode: 'default', smtpHost: null }, vendor).severity).toBe('unknown');
  });

  it('when a domain was looked up, then its facts serve for 10 minutes and are asked anew after', async () => {
    const checks = service();
    const before = dns.queries();
    await checks.factsFor('firma.test');
    const asked = dns.queries() - before;
    expect(asked).toBeGreaterThan(0);
    clock += 9 * 60_000;
    await checks.factsFor('firma.test');
    expect(dns.queries() - before).toBe(asked);
    clock += 2 * 60_000;
    await checks.factsFor('firma.test');
    expect(dns.queries() - before).toBe(2 * asked);
  });

  it('when a lookup could not check, then it is retried after 30 seconds, not 10 minutes', async () => {
    const checks = service(200);
    await checks.factsFor('slow.test');
    const before = dns.queries();
    clock += 20_000;
    await checks.factsFor('slow.test');
    expect(dns.queries()).toBe(before);
    clock += 15_000;
    await checks.factsFor('slow.test');
    expect(dns.queries()).toBeGreaterThan(before);
  });

  it('when the same domain is asked twice at once, then DNS is asked once', async () => {
    const checks = service();
    clock += 60 * 60_000;
    const before = dns.queries();
    const [first, second] = await Promise.all([checks.factsFor('firma.test', true), checks.factsFor('firma.test')]);
    expect(second).toBe(first);
    const once = dns.queries() - before;
    await checks.factsFor('firma.test', true);
    expect(dns.queries() - before).toBe(2 * once);
  });
});
