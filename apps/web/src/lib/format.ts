/**
 * Every date and number the UI shows goes through here, in the UI language (et: 29.11.2026 08:05:58;
 * en: 29/11/2026, 08:05:58), never the browser's default locale. Formatters are cached per language.
 */
const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
};
const LONG_DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let found = cache.get(key) as T | undefined;
  if (!found) {
    found = make();
    cache.set(key, found);
  }
  return found;
}

/** English in the Estonian-style day/month order: the UI's audience reads dates that way. */
const locale = (language: string) => (language === 'en' ? 'en-GB' : language);

export function formatDateTime(language: string, iso: string): string {
  return formatter(`dt:${language}`, () => new Intl.DateTimeFormat(locale(language), DATE_TIME)).format(new Date(iso));
}

/** A time soon to come: "10:42" today, the date and time otherwise ("next slot 10:42"). */
export function formatSoon(language: string, iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (date.toDateString() !== now.toDateString()) return formatDateTime(language, iso);
  return formatter(`clock:${language}`, () => new Intl.DateTimeFormat(locale(language), CLOCK)).format(date);
}

export function formatDate(language: string, iso: string): string {
  return formatter(`d:${language}`, () => new Intl.DateTimeFormat(locale(language), LONG_DATE)).format(new Date(iso));
}

export function formatNumber(language: string, value: number, maximumFractionDigits = 0): string {
  return formatter(
    `n:${language}:${maximumFractionDigits}`,
    () => new Intl.NumberFormat(locale(language), { maximumFractionDigits }),
  ).format(value);
}
