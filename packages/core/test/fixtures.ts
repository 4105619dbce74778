import type { DeploymentMail, MailProfile } from '../src/effective-config';
import type { SmtpInput } from '../src/mail-settings';
import type { StoredSmtpBinding } from '../src/smtp-password';

type SavedSmtp = NonNullable<MailProfile['smtp']>;

export const deployment: DeploymentMail = { eventDomain: 'event.data.directo.ee', companyName: 'Õunapuu & Põder OÜ' };

/** A saved own-server SMTP configuration with credentials. */
export function savedSmtp(overrides: Partial<SavedSmtp> = {}): SavedSmtp {
  return { host: 'smtp.mari.ee', port: 587, security: 'starttls', user: 'mari@mari.ee', hasPassword: true, ...overrides };
}

export function profile(overrides: Partial<MailProfile> = {}): MailProfile {
  return { code: 'MARI', name: 'Mari Maasikas', email: 'mari@firma.ee', mode: 'default', smtp: null, ...overrides };
}

/** The global mail user: an own SMTP server with credentials. */
export function globalProfile(overrides: Partial<MailProfile> = {}): MailProfile {
  return profile({
    code: 'GLOBAL',
    name: 'Firma Meil',
    email: 'info@firma.ee',
    mode: 'smtp',
    smtp: savedSmtp({ host: 'smtp.firma.ee', port: 465, security: 'ssl', user: 'info@firma.ee' }),
    ...overrides,
  });
}

export function smtpInput(overrides: Partial<SmtpInput> = {}): SmtpInput {
  return {
    host: 'smtp.zone.eu',
    port: 587,
    security: 'starttls',
    user: 'mari@firma.ee',
    password: '',
    clearPassword: false,
    ...overrides,
  };
}

export function storedBinding(overrides: Partial<StoredSmtpBinding> = {}): StoredSmtpBinding {
  return { host: 'smtp.zone.eu', port: 587, security: 'starttls', user: 'mari@firma.ee', hasPassword: true, ...overrides };
}
