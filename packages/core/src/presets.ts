import type { TlsMode } from './mail-sender';
import { M365_SMTP_SERVER } from './m365';
import type { SendingLimits } from './outbox/sending-limits';

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
  /** What the provider allows one account to send; an admin may override it per server. */
  limits?: SendingLimits;
}

/**
 * Exchange Online limits, "Sending limits" (learn.microsoft.com/office365/servicedescriptions/
 * exchange-online-service-description/exchange-online-limits): 30 messages a minute and 10,000
 * recipients a day per mailbox (an outbound spam policy's RecipientLimitPerDay may lower it).
 * Too many parallel connections of one mailbox get "432 4.3.2 … sender thread limit exceeded"; the
 * figure is not published, 2 is Saatja's choice. The Microsoft 365 sender mode uses these too.
 */
export const microsoft365Limits: SendingLimits = {
  windows: [
    { limit: 30, seconds: 60, per: 'message' },
    { limit: 10_000, seconds: 86_400, per: 'recipient' },
  ],
  maxConnections: 2,
};

/** Facts from the source document (seed) and SPEC §1. */
export const providerPresets: readonly ProviderPreset[] = [
  {
    id: 'gmail',
    server: { host: 'smtp.gmail.com', port: 465, security: 'ssl' },
    guidance: ['presets.gmail.appPassword', 'presets.gmail.noSpaces', 'presets.gmail.sentFolder'],
    limits: {
      // "Gmail sending limits in Google Workspace" (support.google.com/a/answer/166852): 2,000
      // messages per user per rolling 24 h (trial accounts 500; consumer Gmail about 500), 10,000
      // recipients. Google publishes no per-minute figure; 20 a minute is Saatja's own pacing, so a
      // batch does not spend the day's quota in one burst and trip the temporary 421 4.7.0 throttle.
      windows: [
        { limit: 20, seconds: 60, per: 'message' },
        { limit: 2_000, seconds: 86_400, per: 'message' },
        { limit: 10_000, seconds: 86_400, per: 'recipient' },
      ],
      // Not published; Saatja's choice.
      maxConnections: 2,
    },
  },
  {
    id: 'microsoft365',
    server: M365_SMTP_SERVER,
    guidance: ['presets.microsoft365.useOauth', 'presets.microsoft365.authenticatedSmtp'],
    preferredMode: 'm365',
    limits: microsoft365Limits,
  },
  { id: 'zone', server: { host: 'smtp.zone.eu', port: 587, security: 'starttls' }, guidance: ['presets.zone.appPassword'] },
  {
    id: 'mailee',
    server: { host: 'mail.ee', port: 465, security: 'ssl' },
    guidance: ['presets.mailee.enableSmtp', 'presets.mailee.rateLimit'],
    // help.mail.ee (the source document, SPEC §1): 15 messages an hour; over it access is switched off.
    limits: { windows: [{ limit: 15, seconds: 3_600, per: 'message' }], maxConnections: 1 },
  },
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
