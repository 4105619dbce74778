import type { SenderMode, TlsMode } from './mail-settings';

export type Role = 'user' | 'admin';

/** An SMTP configuration as the browser may see it: the password only as a flag. */
export interface PublicSmtpSettings {
  host: string;
  port: number;
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
}
