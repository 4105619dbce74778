import { failureClasses, isSendRefusal } from '@saatja/core';
import type { TFunction } from 'i18next';

/**
 * A failed attempt's reason in plain words: the diagnosis of a failure class, or why the send was
 * refused before any connection (a password or a new Microsoft 365 sign-in needed, …); null for
 * anything else, so no internal code reaches the user.
 */
export function failureReason(t: TFunction, code: string | null): string | null {
  if (code === null) return null;
  if ((failureClasses as readonly string[]).includes(code)) return t(`diagnostics.failure.${code}`);
  if (isSendRefusal(code)) return t(`sendLog.refusals.${code}`);
  return null;
}
