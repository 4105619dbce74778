import type { Language, Me } from '@saatja/core';
import { api } from '../../../lib/api-client';

/** Remember the signed-in user's UI language on the server, so it follows them to other browsers. */
export const saveLanguage = (language: Language) => api<Me>('PUT', '/auth/me/language', { language });
