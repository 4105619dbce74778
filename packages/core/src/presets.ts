import type { TlsMode } from './mail-settings';

export const presetIds = ['gmail', 'microsoft365', 'zone', 'mailee', 'telia-exchange'] as const;
export type PresetId = (typeof presetIds)[number];

/** A provider the source document tested; `server` is null where the user supplies it. */
export interface ProviderPreset {
  id: PresetId;
  server: { host: string; port: number; security: TlsMode } | null;
  /** i18n keys of the provider's guidance, shown when the preset is chosen. */
  guidance: readonly string[];
  /** Use this sender mode instead of SMTP with a password. */
  preferredMode?: 'm365';
}

/** Facts from the source document (seed) and SPEC §1. */
export const providerPresets: readonly ProviderPreset[] = [
  { id: 'gmail', server: { host: 'smtp.gmail.com', port: 465, security: 'ssl' }, guidance: ['presets.gmail.appPassword', 'presets.gmail.noSpaces', 'presets.gmail.sentFolder'] },
  {
    id: 'microsoft365',
    server: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
    guidance: ['presets.microsoft365.useOauth', 'presets.microsoft365.authenticatedSmtp'],
    preferredMode: 'm365',
  },
  { id: 'zone', server: { host: 'smtp.zone.eu', port: 587, security: 'starttls' }, guidance: ['presets.zone.appPassword'] },
  { id: 'mailee', server: { host: 'mail.ee', port: 465, security: 'ssl' }, guidance: ['presets.mailee.enableSmtp', 'presets.mailee.rateLimit'] },
  { id: 'telia-exchange', server: null, guidance: ['presets.teliaExchange.askProvider'] },
];

export function findPreset(id: string): ProviderPreset | undefined {
  return providerPresets.find((preset) => preset.id === id);
}

/** The preset whose server is `host`, so the card shows its guidance for hand-typed hosts too. */
export function presetForHost(host: string): ProviderPreset | undefined {
  const normalized = host.trim().toLowerCase();
  return providerPresets.find((preset) => preset.server?.host === normalized);
}
