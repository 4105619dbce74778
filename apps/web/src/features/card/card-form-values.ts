import { zodResolver } from '@hookform/resolvers/zod';
import { makeCardInputSchema, type CardInput, type PublicCard, type SenderMode, type TlsMode } from '@saatja/core';
import type { Resolver } from 'react-hook-form';

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

/**
 * The card's schema, built at the first validation rather than at the first render: the card is
 * on screen sooner, and a user who only reads it never needs it.
 */
export function cardResolver(openPorts: readonly number[], inheritsServer: boolean): Resolver<CardFormValues, unknown, CardInput> {
  let resolve: Resolver<CardFormValues, unknown, CardInput> | undefined;
  return (values, context, options) => {
    // The schema's input is a union on `mode`; the form holds all modes' fields (see CardFormValues).
    resolve ??= zodResolver(makeCardInputSchema({ openPorts, inheritsServer })) as unknown as Resolver<CardFormValues, unknown, CardInput>;
    return resolve(values, context, options);
  };
}

export type { CardInput };
