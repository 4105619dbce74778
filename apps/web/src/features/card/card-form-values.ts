import type { CardInput, PublicCard, SenderMode, TlsMode } from '@saatja/core';

/**
 * The form holds every mode's fields at once, so switching the mode keeps what was typed; the
 * shared schema (a union on `mode`) validates only the chosen mode's part and drops the rest.
 */
export interface CardFormValues {
  name: string;
  email: string;
  mailSender: {
    mode: SenderMode;
    smtp: { host: string; port: number | undefined; security: TlsMode; user: string; password: string; clearPassword: boolean };
    m365: { user: string };
  };
}

export function toFormValues(card: PublicCard): CardFormValues {
  const smtp = card.mailSender.smtp;
  const isM365 = card.mailSender.mode === 'm365';
  return {
    name: card.name,
    email: card.email,
    mailSender: {
      mode: card.mailSender.mode,
      smtp: {
        host: !isM365 ? (smtp?.host ?? '') : '',
        port: !isM365 ? (smtp?.port ?? undefined) : undefined,
        security: !isM365 ? (smtp?.security ?? 'starttls') : 'starttls',
        user: !isM365 ? (smtp?.user ?? '') : '',
        password: '',
        clearPassword: false,
      },
      m365: { user: isM365 ? (smtp?.user ?? card.email) : card.email },
    },
  };
}

export type { CardInput };
