import type { PresetId } from '../presets';

export const mailProviders = ['google', 'microsoft365', 'zone', 'mailee', 'unknown'] as const;
export type MailProvider = (typeof mailProviders)[number];

/** A better way to send for a domain's provider, applied on the card with one click. */
export type ProviderSuggestion = { mode: 'm365' } | { mode: 'smtp'; preset: Extract<PresetId, 'gmail' | 'zone' | 'mailee'> };

interface ProviderRule {
  provider: Exclude<MailProvider, 'unknown'>;
  /** MX host names end with one of these (lower case, with the leading dot). */
  mxSuffixes: readonly string[];
  suggestion: ProviderSuggestion;
  /** The SPF include the provider documents for its own outgoing servers, if it publishes one. */
  spfInclude: string | null;
}

/**
 * MX suffixes as the providers document them: Google Workspace and Gmail (aspmx.l.google.com,
 * smtp.google.com, gmail-smtp-in.l.google.com), Microsoft 365 (<tenant>.mail.protection.outlook.com,
 * <tenant>.mx.microsoft), Zone (mx*.zone.eu), mail.ee. Only the SPF includes Google and Microsoft
 * publish are named; for the others the domain's admin knows (or asks) what to list.
 */
const providerRules: readonly ProviderRule[] = [
  {
    provider: 'google',
    mxSuffixes: ['.google.com', '.googlemail.com'],
    suggestion: { mode: 'smtp', preset: 'gmail' },
    spfInclude: '_spf.google.com',
  },
  {
    provider: 'microsoft365',
    mxSuffixes: ['.outlook.com', '.mx.microsoft'],
    suggestion: { mode: 'm365' },
    spfInclude: 'spf.protection.outlook.com',
  },
  { provider: 'zone', mxSuffixes: ['.zone.eu'], suggestion: { mode: 'smtp', preset: 'zone' }, spfInclude: null },
  { provider: 'mailee', mxSuffixes: ['.mail.ee'], suggestion: { mode: 'smtp', preset: 'mailee' }, spfInclude: null },
];

const ruleFor = (provider: MailProvider) => providerRules.find((rule) => rule.provider === provider);

/** The provider whose servers receive a domain's mail, from its MX host names. */
export function providerFromMx(hosts: readonly string[]): MailProvider {
  const names = hosts.map((host) => `.${host.trim().toLowerCase().replace(/\.$/, '')}`);
  const rule = providerRules.find((candidate) => names.some((name) => candidate.mxSuffixes.some((suffix) => name.endsWith(suffix))));
  return rule?.provider ?? 'unknown';
}

export function providerSuggestion(provider: MailProvider): ProviderSuggestion | null {
  return ruleFor(provider)?.suggestion ?? null;
}

export function providerSpfInclude(provider: MailProvider): string | null {
  return ruleFor(provider)?.spfInclude ?? null;
}
