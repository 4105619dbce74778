import type { TFunction } from 'i18next';
import { ApiError } from './api-client';

/** Any thrown value → translated text; never shows raw exception messages to the user. */
export function translateError(t: TFunction, error: unknown): string {
  return t(`errors.${error instanceof ApiError ? error.code : 'internal'}`);
}
