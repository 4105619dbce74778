import type { DeliverabilityAdvice, MailProvider, ProviderSuggestion, Severity, SpfResult } from '../src/deliverability';

/** The vendor's sending IPs in the table's deployment: two, so one can be allowed and the other not. */
export const TABLE_SENDING_IPS = ['90.190.150.210', '90.190.150.211'] as const;
const [IP1, IP2] = TABLE_SENDING_IPS;

/** The records of one DNS name; `silent`: the server never answers for it (a timeout). */
export interface ZoneName {
  MX?: string[];
  TXT?: string[];
  A?: string[];
  silent?: true;
}
export type Zone = Record<string, ZoneName>;

export interface TableRow {
  domain: string;
  what: string;
  zone: Zone;
  /** What the card of a user at this domain in mode `default` (through the relay as themself) is told. */
  expected: {
    provider: MailProvider;
    spf: Record<(typeof TABLE_SENDING_IPS)[number], SpfResult>;
    record: string | null;
    dmarc: DeliverabilityAdvice['dmarc'];
    severity: Severity;
    suggestion: ProviderSuggestion | null;
    /** The record offered to the domain's admin; undefined: nothing is offered. */
    fix?: string | null;
  };
}

const both = (result: SpfResult) => ({ [IP1]: result, [IP2]: result }) as TableRow['expected']['spf'];
const dmarc = (policy: string) => ({ TXT: [`v=DMARC1; p=${policy}; rua=mailto:dmarc@example.test`] });
const GOOGLE_MX = { MX: ['aspmx.l.google.com', 'alt1.aspmx.l.google.com'] };
const GMAIL = { mode: 'smtp', preset: 'gmail' } as const;
const M365 = { mode: 'm365' } as const;
const ownMx = (domain: string) => ({ MX: [`mx.${domain}`] });

/** Eleven includes of one DNS lookup each: one more than SPF allows (RFC 7208 §4.6.4). */
const elevenIncludes = Array.from({ length: 11 }, (_, n) => `include:t${n + 1}.toomany.test`);

/**
 * Domains as the DNS serves them, each with what the advice must say (SPEC §11). Shared by the
 * pure rules' test (the facts as the lookups produce them) and the API test (a real DNS server).
 */
export const deliverabilityTable: readonly TableRow[] = [
  {
    domain: 'gmail-pass.test',
    what: 'Google Workspace, SPF allows the relay by ip4:, DMARC none',
    zone: {
      'gmail-pass.test': {
        ...GOOGLE_MX,
        TXT: [`v=spf1 include:_spf.google.com ip4:${IP1} ip4:${IP2} -all`, 'google-site-verification=abc'],
      },
      '_dmarc.gmail-pass.test': dmarc('none'),
      '_spf.google.com': { TXT: ['v=spf1 ip4:172.217.0.0/19 ~all'] },
    },
    expected: {
      provider: 'google',
      spf: both('pass'),
      record: `v=spf1 include:_spf.google.com ip4:${IP1} ip4:${IP2} -all`,
      dmarc: 'none',
      severity: 'ok',
      suggestion: GMAIL,
    },
  },
  {
    domain: 'ms-include.test',
    what: 'Microsoft 365, SPF allows the relay through a chain of includes, DMARC reject',
    zone: {
      'ms-include.test': {
        MX: ['ms-include-test.mail.protection.outlook.com'],
        TXT: ['v=spf1 include:spf.protection.outlook.com include:relay-allow.test -all'],
      },
      '_dmarc.ms-include.test': dmarc('reject'),
      'spf.protection.outlook.com': { TXT: ['v=spf1 ip4:40.92.0.0/15 -all'] },
      'relay-allow.test': { TXT: ['v=spf1 include:relay-deep.test -all'] },
      'relay-deep.test': { TXT: ['v=spf1 ip4:90.190.150.0/24 -all'] },
    },
    expected: {
      provider: 'microsoft365',
      spf: both('pass'),
      record: 'v=spf1 include:spf.protection.outlook.com include:relay-allow.test -all',
      dmarc: 'reject',
      severity: 'ok',
      suggestion: M365,
    },
  },
  {
    domain: 'macro-pass.test',
    what: 'Zone, SPF allows the relay by an exists: macro on the sending IP',
    zone: {
      'macro-pass.test': { MX: ['mx1.zone.eu', 'mx2.zone.eu'], TXT: ['v=spf1 exists:%{i}._spf.macro-pass.test -all'] },
      [`${IP1}._spf.macro-pass.test`]: { A: ['127.0.0.2'] },
      [`${IP2}._spf.macro-pass.test`]: { A: ['127.0.0.2'] },
      '_dmarc.macro-pass.test': dmarc('quarantine'),
    },
    expected: {
      provider: 'zone',
      spf: both('pass'),
      record: 'v=spf1 exists:%{i}._spf.macro-pass.test -all',
      dmarc: 'quarantine',
      severity: 'ok',
      suggestion: { mode: 'smtp', preset: 'zone' },
    },
  },
  {
    domain: 'redirect.test',
    what: 'SPF passes through redirect=',
    zone: {
      'redirect.test': { ...ownMx('redirect.test'), TXT: ['v=spf1 redirect=_spf.redirect.test'] },
      '_spf.redirect.test': { TXT: [`v=spf1 ip4:${IP1} ip4:${IP2} -all`] },
    },
    expected: {
      provider: 'unknown',
      spf: both('pass'),
      record: 'v=spf1 redirect=_spf.redirect.test',
      dmarc: 'absent',
      severity: 'ok',
      suggestion: null,
    },
  },
  {
    domain: 'hardfail.test',
    what: 'SPF -all without the relay, no DMARC',
    zone: { 'hardfail.test': { ...ownMx('hardfail.test'), TXT: ['v=spf1 ip4:192.0.2.1 -all'] } },
    expected: {
      provider: 'unknown',
      spf: both('fail'),
      record: 'v=spf1 ip4:192.0.2.1 -all',
      dmarc: 'absent',
      severity: 'danger',
      suggestion: null,
      fix: `v=spf1 ip4:192.0.2.1 ip4:${IP1} ip4:${IP2} -all`,
    },
  },
  {
    domain: 'partial.test',
    what: 'Microsoft 365, SPF allows one sending IP but not the other, DMARC reject',
    zone: {
      'partial.test': {
        MX: ['partial-test.mail.protection.outlook.com'],
        TXT: [`v=spf1 include:spf.protection.outlook.com ip4:${IP1} -all`],
      },
      '_dmarc.partial.test': dmarc('reject'),
      'spf.protection.outlook.com': { TXT: ['v=spf1 ip4:40.92.0.0/15 -all'] },
    },
    expected: {
      provider: 'microsoft365',
      spf: { [IP1]: 'pass', [IP2]: 'fail' },
      record: `v=spf1 include:spf.protection.outlook.com ip4:${IP1} -all`,
      dmarc: 'reject',
      severity: 'danger',
      suggestion: M365,
      fix: `v=spf1 include:spf.protection.outlook.com ip4:${IP1} ip4:${IP2} -all`,
    },
  },
  {
    domain: 'softfail.test',
    what: 'mail.ee, SPF ~all without the relay, no DMARC',
    zone: { 'softfail.test': { MX: ['mx.mail.ee'], A: ['192.0.2.10'], TXT: ['v=spf1 a ~all'] } },
    expected: {
      provider: 'mailee',
      spf: both('softfail'),
      record: 'v=spf1 a ~all',
      dmarc: 'absent',
      severity: 'warning',
      suggestion: { mode: 'smtp', preset: 'mailee' },
      fix: `v=spf1 a ip4:${IP1} ip4:${IP2} ~all`,
    },
  },
  {
    domain: 'quarantine.test',
    what: 'SPF ~all without the relay, DMARC quarantine',
    zone: {
      'quarantine.test': { ...GOOGLE_MX, TXT: ['v=spf1 include:_spf.google.com ~all'] },
      '_dmarc.quarantine.test': dmarc('quarantine'),
      '_spf.google.com': { TXT: ['v=spf1 ip4:172.217.0.0/19 ~all'] },
    },
    expected: {
      provider: 'google',
      spf: both('softfail'),
      record: 'v=spf1 include:_spf.google.com ~all',
      dmarc: 'quarantine',
      severity: 'danger',
      suggestion: GMAIL,
      fix: `v=spf1 include:_spf.google.com ip4:${IP1} ip4:${IP2} ~all`,
    },
  },
  {
    domain: 'neutral.test',
    what: 'SPF ?all, DMARC none',
    zone: { 'neutral.test': { ...ownMx('neutral.test'), TXT: ['v=spf1 ?all'] }, '_dmarc.neutral.test': dmarc('none') },
    expected: {
      provider: 'unknown',
      spf: both('neutral'),
      record: 'v=spf1 ?all',
      dmarc: 'none',
      severity: 'warning',
      suggestion: null,
      fix: `v=spf1 ip4:${IP1} ip4:${IP2} ?all`,
    },
  },
  {
    domain: 'nospf.test',
    what: 'Gmail-hosted, no SPF record, no DMARC',
    zone: { 'nospf.test': { ...GOOGLE_MX, TXT: ['some-other-verification=1'] } },
    expected: {
      provider: 'google',
      spf: both('none'),
      record: null,
      dmarc: 'absent',
      severity: 'warning',
      suggestion: GMAIL,
      fix: `v=spf1 include:_spf.google.com ip4:${IP1} ip4:${IP2} ~all`,
    },
  },
  {
    domain: 'reject-nospf.test',
    what: 'no SPF record, DMARC reject',
    zone: { 'reject-nospf.test': ownMx('reject-nospf.test'), '_dmarc.reject-nospf.test': dmarc('reject') },
    expected: {
      provider: 'unknown',
      spf: both('none'),
      record: null,
      dmarc: 'reject',
      severity: 'danger',
      suggestion: null,
      fix: `v=spf1 mx ip4:${IP1} ip4:${IP2} ~all`,
    },
  },
  {
    domain: 'twospf.test',
    what: 'two SPF records (permerror)',
    zone: { 'twospf.test': { ...ownMx('twospf.test'), TXT: [`v=spf1 ip4:${IP1} -all`, 'v=spf1 mx -all'] } },
    expected: {
      provider: 'unknown',
      spf: both('permerror'),
      record: null,
      dmarc: 'absent',
      severity: 'warning',
      suggestion: null,
      fix: null,
    },
  },
  {
    domain: 'loop.test',
    what: 'an include loop (permerror)',
    zone: {
      'loop.test': { ...ownMx('loop.test'), TXT: ['v=spf1 include:loop-b.test -all'] },
      'loop-b.test': { TXT: ['v=spf1 include:loop.test -all'] },
      '_dmarc.loop.test': dmarc('quarantine'),
    },
    expected: {
      provider: 'unknown',
      spf: both('permerror'),
      record: 'v=spf1 include:loop-b.test -all',
      dmarc: 'quarantine',
      severity: 'danger',
      suggestion: null,
      fix: null,
    },
  },
  {
    domain: 'toomany.test',
    what: 'more than 10 DNS lookups (permerror)',
    zone: {
      'toomany.test': { ...ownMx('toomany.test'), TXT: [`v=spf1 ${elevenIncludes.join(' ')} -all`] },
      ...Object.fromEntries(
        elevenIncludes.map((include, n) => [include.slice('include:'.length), { TXT: [`v=spf1 ip4:192.0.2.${n + 1} -all`] }]),
      ),
    },
    expected: {
      provider: 'unknown',
      spf: both('permerror'),
      record: `v=spf1 ${elevenIncludes.join(' ')} -all`,
      dmarc: 'absent',
      severity: 'warning',
      suggestion: null,
      fix: null,
    },
  },
  {
    domain: 'timeout.test',
    what: 'the DNS server never answers (temperror: could not check)',
    zone: { 'timeout.test': { silent: true }, '_dmarc.timeout.test': { silent: true } },
    expected: { provider: 'unknown', spf: both('temperror'), record: null, dmarc: 'unknown', severity: 'unknown', suggestion: null },
  },
  {
    domain: 'sub.orgdmarc.test',
    what: 'a subdomain without its own DMARC record gets its organization’s sp= policy',
    zone: {
      'sub.orgdmarc.test': { MX: ['mx.mail.ee'], TXT: ['v=spf1 -all'] },
      '_dmarc.orgdmarc.test': { TXT: ['v=DMARC1; p=none; sp=reject'] },
    },
    expected: {
      provider: 'mailee',
      spf: both('fail'),
      record: 'v=spf1 -all',
      dmarc: 'reject',
      severity: 'danger',
      suggestion: { mode: 'smtp', preset: 'mailee' },
      fix: `v=spf1 ip4:${IP1} ip4:${IP2} -all`,
    },
  },
];

/** Every row's names in one zone (rows that share a name, such as a provider's include, agree on it). */
export const deliverabilityZone: Zone = Object.assign({}, ...deliverabilityTable.map((row) => row.zone));
