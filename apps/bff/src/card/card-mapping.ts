import type { MailProfile, PublicCard, SenderMode, StoredSmtpBinding, TlsMode } from '@saatja/core';
import type { UserRow } from '../auth/user-repository';
import type { MailSettingsRow } from './mail-settings-repository';

function storedSmtp(settings: MailSettingsRow | undefined): StoredSmtpBinding | null {
  if (!settings || settings.smtp_port === null || settings.smtp_security === null) return null;
  return {
    host: settings.smtp_host,
    port: settings.smtp_port,
    security: settings.smtp_security as TlsMode,
    user: settings.smtp_user,
    hasPassword: settings.smtp_password_sealed !== null,
  };
}

export const senderMode = (settings: MailSettingsRow | undefined): SenderMode =>
  (settings?.mode as SenderMode | undefined) ?? 'default';

export function toMailProfile(user: UserRow, settings: MailSettingsRow | undefined): MailProfile {
  return { code: user.code, name: user.name, email: user.email, mode: senderMode(settings), smtp: storedSmtp(settings) };
}

export { storedSmtp };

/** The card as the browser sees it: the password only as `passwordSet`. */
export function toPublicCard(user: UserRow, settings: MailSettingsRow | undefined): PublicCard {
  const smtp = storedSmtp(settings);
  return {
    code: user.code,
    name: user.name,
    email: user.email,
    role: user.role,
    mailSender: {
      mode: senderMode(settings),
      smtp: smtp && {
        host: smtp.host ?? '',
        port: smtp.port,
        security: smtp.security,
        user: smtp.user,
        passwordSet: smtp.hasPassword,
      },
    },
  };
}
