import {
  hasOwnServer,
  M365_SMTP_SERVER,
  type MailProfile,
  type SenderMode,
  type ServerRef,
  type StoredSmtpBinding,
  type TlsMode,
} from '@saatja/core';
import type { UserRow } from '../auth/user-repository';
import type { MailSettingsRow } from './mail-settings-repository';

/** A card's stored mail settings read as the core's terms; one place for card, global mail user and mail. */
export const senderMode = (settings: MailSettingsRow | undefined): SenderMode => (settings?.mode as SenderMode | undefined) ?? 'default';

/** The server the saved password was entered for, if there is one. */
function credentialsFor(settings: MailSettingsRow | undefined): ServerRef | null {
  if (!settings?.smtp_password_sealed || !settings.password_host || settings.password_port === null || !settings.password_security)
    return null;
  return { host: settings.password_host, port: settings.password_port, security: settings.password_security as TlsMode };
}

export function passwordBinding(settings: MailSettingsRow | undefined): StoredSmtpBinding | null {
  if (!settings) return null;
  return { credentialsFor: credentialsFor(settings), user: settings.smtp_user, hasPassword: settings.smtp_password_sealed !== null };
}

/** The saved SMTP part: an own server, or "credentials only" (no host, a user name). */
export function savedSmtp(settings: MailSettingsRow | undefined): MailProfile['smtp'] {
  if (!settings || (settings.smtp_host === null && settings.smtp_user === '')) return null;
  return {
    host: settings.smtp_host,
    port: settings.smtp_port ?? 0,
    security: (settings.smtp_security ?? 'starttls') as TlsMode,
    user: settings.smtp_user,
    hasPassword: settings.smtp_password_sealed !== null,
    credentialsFor: credentialsFor(settings),
  };
}

export function toMailProfile(user: UserRow, settings: MailSettingsRow | undefined): MailProfile {
  return { code: user.code, name: user.name, email: user.email, mode: senderMode(settings), smtp: savedSmtp(settings) };
}

/** The server a card with an own-server configuration sends through. */
export function ownServerOf(profile: MailProfile): ServerRef | null {
  if (!hasOwnServer(profile)) return null;
  if (profile.mode === 'm365') return M365_SMTP_SERVER;
  return { host: profile.smtp!.host!, port: profile.smtp!.port, security: profile.smtp!.security };
}
