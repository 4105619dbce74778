import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en/index';
import { et } from './et/index';

import { languages, type Language } from '@saatja/core';

export { languages, type Language };

const STORAGE_KEY = 'saatja.language';

function storedLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'et';
}

/** Show the UI in `language` (and remember it in this browser for the sign-in page). */
export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources: { et: { translation: et }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'et',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export { i18n };
