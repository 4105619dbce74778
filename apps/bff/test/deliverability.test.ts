import { adviseDeliverability, type DeliverabilityAnswer, type UserDeliverability } from '@saatja/core';
import { deliverabilityTable, deliverabilityZone, TABLE_SENDING_IPS } from '@saatja/core/testing';
import type { LocalDnsServer } from '@saatja/local-servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from './support/api-client';
import { DEMO_ZONE, startTestStack, type TestStack } from './support/stack';

let dns: LocalDnsServer;
let stack: TestStack;
let admin: ReturnType<typeof apiClient>;
let user: ReturnType<typeof apiClient>;

/** A user per table row, at that row's domain, sending in mode `default` (through the relay as themself). */
const codeOf = (index: number) => `D${String(index).padStart(2, '0')}`;

beforeAll(async () => {
  stack = await startTestStack({ dnsZone: { ...DEMO_ZONE, ...deliverabilityZone }, sendingIps: [...TABLE_SENDING_IPS] });
  dns = stack.dns!;
  admin = apiClient(stack.url);
  user = apiClient(stack.url);
  expect((await admin.signIn('MARI', 'mari-demo-2026')).status).toBe(200);
  expect((await user.signIn('JAAN', 'jaan-demo-2026')).status).toBe(200);
  for (const [index, row] of deliverabilityTable.entries()) {
    const created = await admin.call('POST', '/admin/users', {
      code: codeOf(index),
      name: `User ${index}`,
      email: `user@${row.domain}`,
      role: 'user',
      password: 'long-enough-1',
    });
    expect(created.status).toBe(201);
  }
}, 60_000);

afterAll(() => stack.close());

describe('deliverability through the API, against a DNS server of the test’s own', () => {
  it.each(deliverabilityTable.map((row) => [row.domain, row.what, row] as const))(
    'when the card asks about %s (%s), then the facts and the verdict are the row’s',
    async (_domain, _what, row) => {
      const response = await user.call('GET', `/card/deliverability?email=${encodeURIComponent(`jaan@${row.domain}`)}`);
      expect(response.status).toBe(200);
      const { facts, vendor } = response.json as unknown as DeliverabilityAnswer;
      expect(vendor).toEqual({ sendingIps: TABLE_SENDING_IPS, include: null });
      expect(Object.fromEntries(facts.spf.checks.map((check) => [check.ip, check.result]))).toEqual(row.expected.spf);
      expect(facts.spf.record).toBe(row.expected.record);
      const advice = adviseDeliverability(facts, { route: 'relayAsUser', mode: 'default', smtpHost: null }, vendor);
      expect(advice).toMatchObject({
        provider: row.expected.provider,
        dmarc: row.expected.dmarc,
        severity: row.expected.severity,
        suggestion: row.expected.suggestion,
      });
    },
  );

  it('when the admin opens the users page, then every user has their domain’s verdict, the DNS asked once per domain', async () => {
    const before = dns.queries();
    const response = await admin.call('GET', '/admin/deliverability');
    expect(response.status).toBe(200);
    const rows = response.json as unknown as UserDeliverability[];
    for (const [index, row] of deliverabilityTable.entries()) {
      const found = rows.find((candidate) => candidate.code === codeOf(index));
      expect(found, row.domain).toMatchObject({
        domain: row.domain,
        advice: { severity: row.expected.severity, suggestion: row.expected.suggestion, spfRecord: row.expected.record },
      });
      const fix = found!.advice!.recommendations.find((recommendation) => recommendation.kind === 'addToSpf');
      expect(fix?.fix.record, row.domain).toEqual(row.expected.fix);
    }
    // The card checks above filled the cache, so only the demo users' domain is new (the silent domain may be retried).
    const asked = dns
      .queryLog()
      .slice(before)
      .filter((query) => !query.name.endsWith('timeout.test'));
    expect(asked.filter((query) => !query.name.endsWith('firma.ee'))).toEqual([]);
    expect(asked.filter((query) => query.name === 'firma.ee' && query.type === 'MX').length).toBeGreaterThan(0);
  });

  it('when a user switches to Reply-To, then the users page says their mail is not at risk, without a lookup', async () => {
    const code = codeOf(deliverabilityTable.findIndex((row) => row.domain === 'hardfail.test'));
    const saved = await admin.call('PUT', `/admin/users/${code}/card`, {
      name: 'Hard Fail',
      email: 'user@hardfail.test',
      mailSender: { mode: 'replyTo' },
    });
    expect(saved.status).toBe(200);
    const rows = (await admin.call('GET', '/admin/deliverability')).json as unknown as UserDeliverability[];
    expect(rows.find((row) => row.code === code)).toEqual({ code, domain: 'hardfail.test', advice: null });
  });

  it('when the address is not an e-mail address, then it is a field error and nothing is looked up', async () => {
    const before = dns.queries();
    const response = await user.call('GET', '/card/deliverability?email=not-an-address');
    expect(response.status).toBe(422);
    expect(response.json).toEqual({ error: { code: 'validation', fields: { email: 'email.invalid' } } });
    expect(dns.queries()).toBe(before);
  });

  it('when a user asks about another user’s card, then it is refused; an admin may', async () => {
    expect((await user.call('GET', '/admin/users/D00/card/deliverability?email=a@gmail-pass.test')).status).toBe(403);
    expect((await user.call('GET', '/admin/deliverability')).status).toBe(403);
    expect((await admin.call('GET', '/admin/users/D00/card/deliverability?email=a@gmail-pass.test')).status).toBe(200);
    expect((await admin.call('GET', '/admin/users/NOBODY/card/deliverability?email=a@gmail-pass.test')).status).toBe(404);
    expect((await apiClient(stack.url).call('GET', '/card/deliverability?email=a@gmail-pass.test')).status).toBe(401);
  });

  it('when “check again” is pressed, then the cached answer is skipped and DNS is asked anew', async () => {
    const before = dns.queries();
    await user.call('GET', '/card/deliverability?email=a@gmail-pass.test');
    expect(dns.queries()).toBe(before);
    await user.call('GET', '/card/deliverability?email=a@gmail-pass.test&refresh=1');
    expect(dns.queries()).toBeGreaterThan(before);
  });
});

describe('the connection check’s last step', () => {
  /** The `deliverability` step of a dry run on the card of the table row's user. */
  async function checkStepOf(domain: string) {
    const code = codeOf(deliverabilityTable.findIndex((row) => row.domain === domain));
    const response = await admin.call('POST', `/admin/users/${code}/card/check`, { mode: 'dryRun' });
    expect(response.status).toBe(200);
    const events = response.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.at(-1)).toMatchObject({ type: 'verdict', ok: true });
    return events.filter((event) => event.step === 'deliverability' && event.status !== 'running');
  }

  it.each([
    ['partial.test', 'warning', { domain: 'partial.test', severity: 'danger', spf: 'fail', dmarc: 'reject' }, undefined],
    ['softfail.test', 'warning', { domain: 'softfail.test', severity: 'warning', spf: 'softfail', dmarc: 'absent' }, undefined],
    ['gmail-pass.test', 'ok', { domain: 'gmail-pass.test', severity: 'ok', spf: 'pass', dmarc: 'none' }, undefined],
    ['timeout.test', 'skipped', { domain: 'timeout.test', severity: 'unknown', spf: 'temperror', dmarc: 'unknown' }, 'dnsUnavailable'],
  ])(
    'when a default-mode card at %s is checked, then the connection works and the last step is %s',
    async (domain, status, deliverability, skipped) => {
      expect(await checkStepOf(domain)).toEqual([
        {
          type: 'step',
          step: 'deliverability',
          status,
          detail: { deliverability, ...(skipped ? { skipped } : {}) },
          durationMs: expect.any(Number),
        },
      ]);
    },
  );

  it('when the card sends in Reply-To mode, then its domain does not matter and there is no such step', async () => {
    expect(await checkStepOf('hardfail.test')).toEqual([]);
  });
});
