import type { M365AuthResult } from '@saatja/core';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../lib/api-client';
import { translateError } from '../../../lib/translate-error';

export type M365Message = { tone: 'success' | 'error' | 'warning' | 'info'; text: string };

/** How an "Authenticate Microsoft 365" attempt ended, in words. */
export function m365ResultMessage(t: TFunction, result: M365AuthResult): M365Message {
  switch (result.outcome) {
    case 'authenticated':
      return { tone: 'success', text: t('m365.results.authenticated', { account: result.account }) };
    case 'cancelled':
      return { tone: 'info', text: t('m365.results.cancelled') };
    case 'accountMismatch':
      return { tone: 'error', text: t('m365.results.accountMismatch', { account: result.account, expected: result.expected }) };
    case 'failed':
      return { tone: 'error', text: result.code ? t('m365.results.failedWithCode', { code: result.code }) : t('m365.results.failed') };
    case 'invalidState':
    case 'expiredState':
      return { tone: 'error', text: t(`m365.results.${result.outcome}`) };
  }
}

const M365_DETAILS = new Set(['m365ReauthRequired', 'm365NotAuthenticated', 'm365AccountMismatch', 'm365NotConfigured', 'm365Unavailable']);

/** A refused request in words: the BFF's Microsoft 365 reasons first, otherwise the error code's text. */
export function m365ErrorText(t: TFunction, error: unknown): string | null {
  const detail = error instanceof ApiError ? error.body.detail : undefined;
  return typeof detail === 'string' && M365_DETAILS.has(detail) ? t(`m365.errors.${detail}`) : null;
}

export function apiErrorText(t: TFunction, error: unknown): string {
  return m365ErrorText(t, error) ?? translateError(t, error);
}
