import { languages, type Language } from '@saatja/core';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { et } from './et/index';

export { languages, type Language };

const STORAGE_KEY = 'saatja.language';

function storedLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'et';
}

/** Estonian ships with the app; English loads the first time someone chooses it. */
async function loadMessages(language: Language): Promise<void> {
  if (language === 'et' || i18n.hasResourceBundle(language, 'translation')) return;
  const { en } = await import('./en/index');
  i18n.addResourceBundle('en', 'translation', en);
}

/** Show the UI in `language` (and remember it in this browser for the sign-in page). */
export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await loadMessages(language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

void i18n.use(initReactI18next).init({
  resources: { et: { translation: et } },
  lng: 'et',
  fallbackLng: 'et',
  interpolation: { escapeValue: false },
  returnNull: false,
  // The messages are in the bundle: nothing to wait for, so no deferred start.
  initAsync: false,
});

/** Resolves once the browser's last language is loaded; the app renders after it. */
export const i18nReady = setLanguage(storedLanguage());

export { i18n };
