import type { EffectiveConfig, ServerRef } from './effective-config';
import type { SenderMode, TlsMode } from './mail-sender';

export type Role = 'user' | 'admin';

/** UI languages; Estonian is the default. */
export const languages = ['et', 'en'] as const;
export type Language = (typeof languages)[number];

/** An SMTP configuration as the browser may see it: the password only as a flag. */
export interface PublicSmtpSettings {
  /** Empty for "credentials only". */
  host: string;
  port: number | null;
  security: TlsMode;
  user: string;
  passwordSet: boolean;
}

/** The user card as the API returns it. Never holds a secret. */
export interface PublicCard {
  code: string;
  name: string;
  email: string;
  role: Role;
  mailSender: {
    mode: SenderMode;
    smtp: PublicSmtpSettings | null;
    /** The global mail user, when one is set and is not this card's user (SPEC §3). */
    inherited: { code: string; server: ServerRef | null } | null;
    /** When this card's user is the global mail user: how many users send through its configuration. */
    inheritedBy: number | null;
  };
}

export interface PublicDeployment {
  vendorName: string;
  /** The vendor relay as users know it, e.g. "directo.gate.ee". */
  relayHost: string;
  openPorts: readonly number[];
  sendingIps: readonly string[];
  devMode: boolean;
}

export interface Me {
  code: string;
  name: string;
  role: Role;
  language: Language;
}

/** One row of the admin's users page and of the global-mail-user preview. */
export interface UserMailOverview {
  code: string;
  name: string;
  role: Role;
  mode: SenderMode;
  effective: EffectiveConfig;
}

/** One audited change (SPEC §6): who, when, what; never a secret value. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  target: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}
