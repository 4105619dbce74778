import { assertNever, type EffectiveConfig } from '../effective-config';
import type { SenderMode } from '../mail-sender';
import { findPreset } from '../presets';
import type { DmarcPolicy, DomainFacts, SpfCheck, SpfResult, VendorSpf } from './facts';
import { providerFromMx, providerSpfInclude, providerSuggestion, type MailProvider, type ProviderSuggestion } from './mail-provider';
import { spfFix, type SpfFix } from './spf-fix';

/** Whose name the receiving server checks the sending IP against. */
export type SendingRoute =
  /** Mode `default`: the vendor's relay sends with the user's own address as From — the domain's SPF decides. */
  | 'relayAsUser'
  /** Directo-Reply-To: From is the vendor's event domain, so the user's domain is not involved. */
  | 'relayAsEventMailbox'
  /** The user's own server (or the global mail user's): the vendor's IPs are not involved. */
  | 'ownServer';

export type Severity = 'ok' | 'warning' | 'danger' | 'unknown';

export type Recommendation =
  { kind: 'replyTo' } | { kind: 'ownServer'; suggestion: ProviderSuggestion | null } | { kind: 'addToSpf'; fix: SpfFix };

export interface DeliverabilityAdvice {
  domain: string;
  provider: MailProvider;
  /** The provider's way to send, unless the card already uses it. */
  suggestion: ProviderSuggestion | null;
  route: SendingRoute;
  /** The worst result over the vendor's sending IPs. */
  spf: SpfResult;
  spfRecord: string | null;
  /** The sending IPs the domain does not allow, with each one's result. */
  failing: SpfCheck[];
  dmarc: DmarcPolicy | 'absent' | 'unknown';
  severity: Severity;
  recommendations: Recommendation[];
}

/** The card as far as the advice depends on it. */
export interface CardSending {
  route: SendingRoute;
  mode: SenderMode;
  /** The SMTP server typed or saved on the card, if any. */
  smtpHost: string | null;
}

/** Worst first: a check that could not run hides everything after it. */
const SPF_ORDER: readonly SpfResult[] = ['temperror', 'permerror', 'fail', 'softfail', 'neutral', 'none', 'pass'];

/** The worst of the per-IP results; with no sending IPs configured nothing could be checked. */
export function overallSpf(checks: readonly SpfCheck[]): SpfResult {
  if (checks.length === 0) return 'temperror';
  return SPF_ORDER.find((result) => checks.some((check) => check.result === result))!;
}

export function routeOfEffective(effective: EffectiveConfig): SendingRoute {
  if (effective.transport.kind !== 'relay') return 'ownServer';
  return effective.replyTo === null ? 'relayAsUser' : 'relayAsEventMailbox';
}

/** The route of what the card's form shows now, before it is saved. */
export function routeOfDraft(mode: SenderMode, inheritsServer: boolean): SendingRoute {
  switch (mode) {
    case 'default':
      return inheritsServer ? 'ownServer' : 'relayAsUser';
    case 'replyTo':
      return 'relayAsEventMailbox';
    case 'smtp':
    case 'm365':
      return 'ownServer';
    default:
      return assertNever(mode);
  }
}

function alreadyUses(card: CardSending, suggestion: ProviderSuggestion): boolean {
  if (suggestion.mode === 'm365') return card.mode === 'm365';
  return card.mode === 'smtp' && card.smtpHost?.trim().toLowerCase() === findPreset(suggestion.preset)?.server?.host;
}

/**
 * Mail through the relay as the user's own address passes SPF only when the domain allows the
 * relay's IPs. When it does not, DMARC decides what receivers do: `quarantine`/`reject` ask them to
 * spam or refuse such mail (the relay signs nothing for the user's domain, so DMARC has only SPF to
 * go on). A lookup that failed is "unknown", never a failure.
 */
function severityOf(route: SendingRoute, spf: SpfResult, dmarc: DeliverabilityAdvice['dmarc']): Severity {
  if (route !== 'relayAsUser' || spf === 'pass') return 'ok';
  if (spf === 'temperror') return 'unknown';
  if (spf === 'fail' || dmarc === 'quarantine' || dmarc === 'reject') return 'danger';
  return 'warning';
}

export function dmarcOf(facts: DomainFacts): DeliverabilityAdvice['dmarc'] {
  switch (facts.dmarc.status) {
    case 'found':
      return facts.dmarc.policy;
    case 'absent':
      return 'absent';
    case 'lookupFailed':
      return 'unknown';
    default:
      return assertNever(facts.dmarc);
  }
}

/** The verdict for one card on one domain, with what to do about it (SPEC §11). */
export function adviseDeliverability(facts: DomainFacts, card: CardSending, vendor: VendorSpf): DeliverabilityAdvice {
  const provider = facts.mx.status === 'found' ? providerFromMx(facts.mx.hosts) : 'unknown';
  const offered = providerSuggestion(provider);
  const suggestion = offered && !alreadyUses(card, offered) ? offered : null;
  const spf = overallSpf(facts.spf.checks);
  const dmarc = dmarcOf(facts);
  const severity = severityOf(card.route, spf, dmarc);
  const failing = facts.spf.checks.filter((check) => check.result !== 'pass');
  const recommendations: Recommendation[] = [];
  if (severity === 'warning' || severity === 'danger') {
    recommendations.push({ kind: 'replyTo' }, { kind: 'ownServer', suggestion: offered });
    const fix = spfFix(facts.spf.record, failing, vendor, providerSpfInclude(provider));
    if (fix) recommendations.push({ kind: 'addToSpf', fix });
  }
  return {
    domain: facts.domain,
    provider,
    suggestion,
    route: card.route,
    spf,
    spfRecord: facts.spf.record,
    failing,
    dmarc,
    severity,
    recommendations,
  };
}

export const isAtRisk = (severity: Severity) => severity === 'warning' || severity === 'danger';

/** One user's line on the admin's users page; no advice when their mail does not depend on their domain's SPF. */
export interface UserDeliverability {
  code: string;
  domain: string;
  advice: DeliverabilityAdvice | null;
}

/** The answer of "check my domain": the facts, and what the web needs to judge them for the form as it is now. */
export interface DeliverabilityAnswer {
  facts: DomainFacts;
  vendor: VendorSpf;
}

/** A one-click change of the card the advice offers: the Reply-To mode, or the provider's way to send. */
export type CardChange = { mode: 'replyTo' } | ProviderSuggestion;
