import type { Messages } from '../messages';

export const presets: Messages['presets'] = {
  label: 'Provider',
  none: 'Choose a provider (optional)',
  names: {
    gmail: 'Google Gmail',
    microsoft365: 'Microsoft 365',
    zone: 'Zone',
    mailee: 'Telia (mail.ee)',
    'telia-exchange': 'Microlink/Telia Exchange',
  },
  gmail: {
    appPassword: 'Gmail needs 2-Step Verification and a separate 16-character App password (myaccount.google.com/apppasswords).',
    noSpaces: 'Google shows the App password with spaces; Saatja removes them for you.',
    sentFolder: 'Sent mail also lands in Gmail’s Sent folder.',
  },
  microsoft365: {
    useOauth: 'Microsoft is retiring password sign-in for SMTP: use the mail sender “Microsoft 365 OAUTH”.',
    authenticatedSmtp:
      'The mailbox must have Authenticated SMTP enabled (admin center > Users > Active users > user > Mail > Manage email apps).',
  },
  zone: { appPassword: 'With two-factor authentication (2FA), create a Zone application password and use it here.' },
  mailee: {
    enableSmtp: 'External SMTP access is off by default; turn it on in mail.ee’s settings and use the separate password it gives.',
    rateLimit: 'mail.ee allows about 15 messages an hour and disables access when that is exceeded.',
  },
  teliaExchange: { askProvider: 'Your provider gives the server name and the SSL/TLS choice.' },
};

export const advice: Messages['advice'] = {
  tlsMismatch: 'Port {{port}} usually uses {{recommended}}.',
  applyRecommended: 'Use {{recommended}}',
  useM365: 'Microsoft is retiring password sign-in for SMTP (the server then answers 550 5.7.30). Use OAuth.',
  switchToM365: 'Switch to Microsoft 365 OAUTH',
  gmailAppPassword: 'This does not look like a Gmail App password (16 letters). An ordinary Google password does not work for SMTP.',
  maileeRateLimit: 'mail.ee allows about 15 messages an hour and disables access when exceeded. Do not use it for mass mailing.',
};
