import type { DeploymentMail, MailProfile, ServerRef } from '../src/effective-config';
import type { SmtpInput } from '../src/mail-settings';
import type { StoredSmtpBinding } from '../src/smtp-password';

type SavedSmtp = NonNullable<MailProfile['smtp']>;

export const deployment: DeploymentMail = { eventDomain: 'event.data.directo.ee', companyName: 'Õunapuu & Põder OÜ' };

/** The global mail user's server in `globalProfile()`. */
export const globalServer: ServerRef = { host: 'smtp.firma.ee', port: 465, security: 'ssl' };

/** The server `smtpInput()` and `storedBinding()` name. */
export const zoneServer: ServerRef = { host: 'smtp.zone.eu', port: 587, security: 'starttls' };

/**
 * A saved SMTP configuration with credentials. Unless overridden, `credentialsFor` is the server the
 * password is used with today: its own server when `host` is set; for a "credentials only" card
 * (`host: null`) the default global mail user's server (`globalServer`), so the credentials-only cases
 * mean "saved while that global server was set". Override `credentialsFor` to model a password that
 * was saved for another server.
 */
export function savedSmtp(overrides: Partial<SavedSmtp> = {}): SavedSmtp {
  const base = { host: 'smtp.mari.ee', port: 587, security: 'starttls', user: 'mari@mari.ee', hasPassword: true, ...overrides } as const;
  const ownServer = base.host === null ? globalServer : { host: base.host, port: base.port, security: base.security };
  return { credentialsFor: ownServer, ...base };
}

export function profile(overrides: Partial<MailProfile> = {}): MailProfile {
  return { code: 'MARI', name: 'Mari Maasikas', email: 'mari@firma.ee', mode: 'default', smtp: null, ...overrides };
}

/** The global mail user: an own SMTP server (`globalServer`) with credentials saved for it. */
export function globalProfile(overrides: Partial<MailProfile> = {}): MailProfile {
  return profile({
    code: 'GLOBAL',
    name: 'Firma Meil',
    email: 'info@firma.ee',
    mode: 'smtp',
    smtp: savedSmtp({ ...globalServer, user: 'info@firma.ee' }),
    ...overrides,
  });
}

export function smtpInput(overrides: Partial<SmtpInput> = {}): SmtpInput {
  return {
    ...zoneServer,
    user: 'mari@firma.ee',
    password: '',
    clearPassword: false,
    ...overrides,
  };
}

/** A password stored for `zoneServer` and the user of `smtpInput()`. */
export function storedBinding(overrides: Partial<StoredSmtpBinding> = {}): StoredSmtpBinding {
  return { credentialsFor: zoneServer, user: 'mari@firma.ee', hasPassword: true, ...overrides };
}
