import { languages, type Language } from '@saatja/core';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { firstScreen } from './et/first-screen';

export { languages, type Language };

const STORAGE_KEY = 'saatja.language';

/** The language this browser last showed; only the sign-in page needs it (a session has its own). */
export function storedLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'et';
}

/** Estonian ships with the app; English loads the first time someone chooses it. */
async function loadMessages(language: Language): Promise<void> {
  if (language === 'et' || i18n.hasResourceBundle(language, 'translation')) return;
  const { en } = await import('./en/index');
  i18n.addResourceBundle('en', 'translation', en);
}

let pageMessages: Promise<void> | undefined;
let cardPartMessages: Promise<void> | undefined;

/** Merged into the Estonian messages already there (deep: a namespace may be split in two). */
const addEstonian = (messages: object) => void i18n.addResourceBundle('et', 'translation', messages, true);

/**
 * The Estonian messages of the card's parts that load on demand (the Microsoft 365 section, the
 * connection check's results), loaded with their code. A failed load is tried again at the next call.
 */
export function loadCardPartMessages(): Promise<void> {
  cardPartMessages ??= import('./et/card-parts').then(
    ({ cardParts }) => addEstonian(cardParts),
    (error: unknown) => {
      cardPartMessages = undefined;
      throw error;
    },
  );
  return cardPartMessages;
}

/**
 * The Estonian messages of the pages other than the card, which the first script leaves out; the
 * lazy pages load them with their code (and the card parts', whose failure texts the logs show).
 * English is one file, loaded whole when chosen.
 */
export function loadPageMessages(): Promise<void> {
  pageMessages ??= import('./et/pages').then(({ pages }) => addEstonian(pages));
  return Promise.all([pageMessages, loadCardPartMessages()]).then(() => undefined);
}

/** Show the UI in `language`. */
export async function setLanguage(language: Language): Promise<void> {
  await loadMessages(language);
  if (i18n.language !== language) await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/**
 * Remember the language in this browser for the sign-in page. Called once the screen is up: the
 * first use of localStorage in a page opens its storage, a synchronous call to the browser.
 */
export function rememberLanguage(language: Language): void {
  if (localStorage.getItem(STORAGE_KEY) !== language) localStorage.setItem(STORAGE_KEY, language);
}

void i18n.use(initReactI18next).init({
  resources: { et: { translation: firstScreen } },
  lng: 'et',
  fallbackLng: 'et',
  interpolation: { escapeValue: false },
  returnNull: false,
  // The messages are in the bundle: nothing to wait for, so no deferred start.
  initAsync: false,
});

export { i18n };
