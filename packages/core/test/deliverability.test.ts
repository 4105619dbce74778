import { describe, expect, it } from 'vitest';
import {
  adviseDeliverability,
  dmarcPolicyOf,
  emailDomain,
  insertIntoSpf,
  isAtRisk,
  overallSpf,
  providerFromMx,
  routeOfDraft,
  routeOfEffective,
  spfFix,
  type CardSending,
  type DomainFacts,
} from '../src/deliverability';
import { resolveEffectiveConfig, type MailProfile } from '../src/effective-config';
import { deliverabilityTable, TABLE_SENDING_IPS, type TableRow } from './deliverability-table';

const vendor = { sendingIps: TABLE_SENDING_IPS, include: null };
const relayAsUser: CardSending = { route: 'relayAsUser', mode: 'default', smtpHost: null };

/** The facts the BFF's lookups produce for a table row. */
function factsOf(row: TableRow): DomainFacts {
  const own = row.zone[row.domain];
  const { expected } = row;
  return {
    domain: row.domain,
    checkedAt: '2026-11-29T10:00:00.000Z',
    mx: own?.silent ? { status: 'lookupFailed' } : { status: 'found', hosts: own?.MX ?? [] },
    spf: { record: expected.record, checks: TABLE_SENDING_IPS.map((ip) => ({ ip, result: expected.spf[ip], detail: null })) },
    dmarc:
      expected.dmarc === 'unknown'
        ? { status: 'lookupFailed' }
        : expected.dmarc === 'absent'
          ? { status: 'absent' }
          : { status: 'found', policy: expected.dmarc, record: `v=DMARC1; p=${expected.dmarc}` },
  };
}

describe('adviseDeliverability, for every domain of the table', () => {
  it('has at least 15 domains, each provider among them', () => {
    expect(deliverabilityTable.length).toBeGreaterThanOrEqual(15);
    expect(new Set(deliverabilityTable.map((row) => row.expected.provider))).toEqual(
      new Set(['google', 'microsoft365', 'zone', 'mailee', 'unknown']),
    );
  });

  it.each(deliverabilityTable.map((row) => [row.domain, row.what, row] as const))(
    'when the domain is %s (%s), then the card says what the row expects',
    (_domain, _what, row) => {
      const advice = adviseDeliverability(factsOf(row), relayAsUser, vendor);
      const { expected } = row;
      expect(advice).toMatchObject({
        domain: row.domain,
        provider: expected.provider,
        suggestion: expected.suggestion,
        dmarc: expected.dmarc,
        severity: expected.severity,
        spfRecord: expected.record,
      });
      expect(advice.failing.map((check) => check.ip)).toEqual(TABLE_SENDING_IPS.filter((ip) => expected.spf[ip] !== 'pass'));
      const kinds = advice.recommendations.map((recommendation) => recommendation.kind);
      if (isAtRisk(advice.severity)) expect(kinds.slice(0, 2)).toEqual(['replyTo', 'ownServer']);
      else expect(kinds).toEqual([]);
      const fix = advice.recommendations.find((recommendation) => recommendation.kind === 'addToSpf');
      expect(fix?.fix.record).toEqual(expected.fix);
    },
  );

  it.each(deliverabilityTable.map((row) => [row.domain, row] as const))(
    'when %s is used in Reply-To mode or with an own server, then nothing is at risk',
    (_domain, row) => {
      for (const card of [
        { route: 'relayAsEventMailbox', mode: 'replyTo', smtpHost: null },
        { route: 'ownServer', mode: 'smtp', smtpHost: 'smtp.firma.ee' },
      ] as const) {
        const advice = adviseDeliverability(factsOf(row), card, vendor);
        expect(advice.severity).toBe('ok');
        expect(advice.recommendations).toEqual([]);
        expect(advice.suggestion).toEqual(row.expected.suggestion);
      }
    },
  );
});

describe('the provider suggestion', () => {
  const google = factsOf(deliverabilityTable.find((row) => row.domain === 'nospf.test')!);
  const microsoft = factsOf(deliverabilityTable.find((row) => row.domain === 'partial.test')!);

  it.each([
    {
      what: 'the card already uses Microsoft 365 OAUTH',
      facts: microsoft,
      card: { route: 'ownServer', mode: 'm365', smtpHost: null },
      suggestion: null,
    },
    {
      what: 'the card already uses the Gmail server',
      facts: google,
      card: { route: 'ownServer', mode: 'smtp', smtpHost: ' SMTP.gmail.com' },
      suggestion: null,
    },
    {
      what: 'the card uses another server',
      facts: google,
      card: { route: 'ownServer', mode: 'smtp', smtpHost: 'smtp.firma.ee' },
      suggestion: { mode: 'smtp', preset: 'gmail' },
    },
    {
      what: 'the card has no server yet',
      facts: google,
      card: { route: 'ownServer', mode: 'smtp', smtpHost: null },
      suggestion: { mode: 'smtp', preset: 'gmail' },
    },
    {
      what: 'Gmail is suggested while the card uses M365',
      facts: google,
      card: { route: 'ownServer', mode: 'm365', smtpHost: null },
      suggestion: { mode: 'smtp', preset: 'gmail' },
    },
  ] as const)('when $what, then the suggestion is $suggestion', ({ facts, card, suggestion }) => {
    expect(adviseDeliverability(facts, card, vendor).suggestion).toEqual(suggestion);
  });

  it('when the MX lookup failed, then the provider is unknown and nothing is suggested', () => {
    const advice = adviseDeliverability({ ...google, mx: { status: 'lookupFailed' } }, relayAsUser, vendor);
    expect(advice).toMatchObject({ provider: 'unknown', suggestion: null });
  });

  it('when the relay is at risk, then the own-server recommendation carries the provider’s way', () => {
    const advice = adviseDeliverability(microsoft, relayAsUser, vendor);
    expect(advice.recommendations[1]).toEqual({ kind: 'ownServer', suggestion: { mode: 'm365' } });
  });
});

describe('providerFromMx', () => {
  it.each([
    [['ASPMX.L.GOOGLE.COM.'], 'google'],
    [['smtp.google.com'], 'google'],
    [['gmail-smtp-in.l.google.com'], 'google'],
    [['alt1.gmr-smtp-in.l.googlemail.com'], 'google'],
    [['firma-ee.mail.protection.outlook.com'], 'microsoft365'],
    [['firma-ee.r-v1.mx.microsoft'], 'microsoft365'],
    [['mx1.zone.eu'], 'zone'],
    [['mx.mail.ee'], 'mailee'],
    [['mail.firma.ee', 'aspmx.l.google.com'], 'google'],
    [['google.com.evil.test'], 'unknown'],
    [['notgoogle.com'], 'unknown'],
    [[], 'unknown'],
  ] as const)('when the MX hosts are %j, then the provider is %s', (hosts, provider) => {
    expect(providerFromMx(hosts)).toBe(provider);
  });
});

describe('SPF fix', () => {
  it.each([
    ['v=spf1 mx -all', 'v=spf1 mx ip4:1.2.3.4 -all'],
    ['v=spf1 mx all', 'v=spf1 mx ip4:1.2.3.4 all'],
    ['v=spf1 mx ~ALL', 'v=spf1 mx ip4:1.2.3.4 ~ALL'],
    ['v=spf1 a redirect=_spf.x.test', 'v=spf1 a ip4:1.2.3.4 redirect=_spf.x.test'],
    ['v=spf1 mx', 'v=spf1 mx ip4:1.2.3.4'],
    ['  v=spf1   mx   ?all ', 'v=spf1 mx ip4:1.2.3.4 ?all'],
    ['v=spf1 include:allow.test -all', 'v=spf1 include:allow.test ip4:1.2.3.4 -all'],
  ])('when the record is "%s", then the addition goes before its end: "%s"', (record, fixed) => {
    expect(insertIntoSpf(record, ['ip4:1.2.3.4'])).toBe(fixed);
  });

  it('when the vendor publishes an include, then that one mechanism is offered instead of each IP', () => {
    const failing = [{ ip: '90.190.150.211', result: 'fail', detail: null }] as const;
    expect(spfFix('v=spf1 -all', failing, { sendingIps: TABLE_SENDING_IPS, include: '_spf.directo.ee' }, null)).toEqual({
      add: ['include:_spf.directo.ee'],
      record: 'v=spf1 include:_spf.directo.ee -all',
      newRecord: false,
    });
  });

  it('when a sending IP is IPv6, then it is offered as ip6:', () => {
    expect(
      spfFix(null, [{ ip: '2001:db8::25', result: 'none', detail: null }], { sendingIps: ['2001:db8::25'], include: null }, null),
    ).toEqual({
      add: ['ip6:2001:db8::25'],
      record: 'v=spf1 mx ip6:2001:db8::25 ~all',
      newRecord: true,
    });
  });

  it('when nothing fails, then there is nothing to fix', () => {
    expect(spfFix('v=spf1 -all', [], vendor, null)).toBeNull();
  });
});

describe('overallSpf', () => {
  it.each([
    [['pass', 'pass'], 'pass'],
    [['pass', 'fail'], 'fail'],
    [['softfail', 'fail'], 'fail'],
    [['none', 'neutral'], 'neutral'],
    [['fail', 'temperror'], 'temperror'],
    [['permerror', 'fail'], 'permerror'],
    [[], 'temperror'],
  ] as const)('when the IPs get %j, then overall it is %s', (results, overall) => {
    expect(overallSpf(results.map((result, n) => ({ ip: `192.0.2.${n}`, result, detail: null })))).toBe(overall);
  });
});

describe('dmarcPolicyOf', () => {
  it.each([
    [{ p: 'reject' }, 'reject'],
    [{ p: ' Quarantine ' }, 'quarantine'],
    [{ p: 'none', sp: 'reject' }, 'none'],
    [{ p: 'none', sp: 'reject', isOrgRecord: true }, 'reject'],
    [{ p: 'quarantine', sp: 'bogus', isOrgRecord: true }, 'quarantine'],
    [{ p: 'bogus' }, 'none'],
    [{}, 'none'],
    [{ p: 1 }, 'none'],
  ] as const)('when the record says %j, then the policy is %s', (tags, policy) => {
    expect(dmarcPolicyOf(tags)).toBe(policy);
  });
});

describe('sending routes', () => {
  it.each([
    ['default', false, 'relayAsUser'],
    ['default', true, 'ownServer'],
    ['replyTo', false, 'relayAsEventMailbox'],
    ['smtp', false, 'ownServer'],
    ['m365', true, 'ownServer'],
  ] as const)('when the form says %s (inheriting a server: %s), then the route is %s', (mode, inherits, route) => {
    expect(routeOfDraft(mode, inherits)).toBe(route);
  });

  it('when the mode is not one Saatja knows, then it refuses to guess', () => {
    expect(() => routeOfDraft('carrier-pigeon' as never, false)).toThrow(/Unexpected value/);
  });

  const profile = (mode: MailProfile['mode']): MailProfile => ({
    code: 'JAAN',
    name: 'Jaan',
    email: 'jaan@firma.ee',
    mode,
    smtp:
      mode === 'smtp'
        ? { host: 'smtp.firma.ee', port: 587, security: 'starttls', user: '', hasPassword: false, credentialsFor: null }
        : null,
  });
  const deployment = { eventDomain: 'event.data.directo.ee', companyName: 'Firma' };

  it.each([
    ['default', 'relayAsUser'],
    ['replyTo', 'relayAsEventMailbox'],
    ['smtp', 'ownServer'],
  ] as const)('when the saved mode is %s, then the effective route is %s', (mode, route) => {
    expect(routeOfEffective(resolveEffectiveConfig(profile(mode), null, deployment))).toBe(route);
  });
});

describe('facts', () => {
  it('when an address is given, then its domain is looked up in lower case', () => {
    expect(emailDomain('Jaan.Tamm@Firma.EE')).toBe('firma.ee');
  });

  it('when the DMARC lookup failed, then the advice says unknown, not absent', () => {
    const row = deliverabilityTable.find((candidate) => candidate.domain === 'hardfail.test')!;
    const advice = adviseDeliverability({ ...factsOf(row), dmarc: { status: 'lookupFailed' } }, relayAsUser, vendor);
    expect(advice).toMatchObject({ dmarc: 'unknown', severity: 'danger' });
  });

  it('when the DMARC state is not one Saatja knows, then it refuses to guess', () => {
    const row = deliverabilityTable[0]!;
    expect(() => adviseDeliverability({ ...factsOf(row), dmarc: { status: 'maybe' } as never }, relayAsUser, vendor)).toThrow(
      /Unexpected value/,
    );
  });
});
