import type { MailProfile, PublicCard, SenderMode, ServerRef, StoredSmtpBinding, TlsMode } from '@saatja/core';
import type { UserRow } from '../auth/user-repository';
import type { MailSettingsRow } from './mail-settings-repository';

export const senderMode = (settings: MailSettingsRow | undefined): SenderMode =>
  (settings?.mode as SenderMode | undefined) ?? 'default';

/** The server the saved password was entered for, if there is one. */
function credentialsFor(settings: MailSettingsRow | undefined): ServerRef | null {
  if (!settings?.smtp_password_sealed || !settings.password_host || settings.password_port === null || !settings.password_security) return null;
  return { host: settings.password_host, port: settings.password_port, security: settings.password_security as TlsMode };
}

export function passwordBinding(settings: MailSettingsRow | undefined): StoredSmtpBinding | null {
  if (!settings) return null;
  return { credentialsFor: credentialsFor(settings), user: settings.smtp_user, hasPassword: settings.smtp_password_sealed !== null };
}

/** The saved SMTP part: an own server, or "credentials only" (no host, a user name). */
function savedSmtp(settings: MailSettingsRow | undefined): MailProfile['smtp'] {
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

/** What the card needs to know of the global mail user, when one is set and the card is not it. */
export interface InheritedServer {
  code: string;
  server: ServerRef | null;
}

/** The card as the browser sees it: the password only as `passwordSet`. */
/** How the card relates to the global mail user: inherits from it, or is it (and how many inherit). */
export interface GlobalRelation {
  inherited: InheritedServer | null;
  inheritedBy: number | null;
}

export function toPublicCard(user: UserRow, settings: MailSettingsRow | undefined, relation: GlobalRelation): PublicCard {
  const smtp = savedSmtp(settings);
  return {
    code: user.code,
    name: user.name,
    email: user.email,
    role: user.role,
    mailSender: {
      mode: senderMode(settings),
      smtp: smtp && {
        host: smtp.host ?? '',
        port: smtp.host === null ? null : smtp.port,
        security: smtp.security,
        user: smtp.user,
        passwordSet: smtp.hasPassword,
      },
      inherited: relation.inherited,
      inheritedBy: relation.inheritedBy,
    },
  };
}
