import type { TFunction } from 'i18next';

/** "about 27 hours", "about 90 minutes": how long a batch takes, in the reader's words (never 1 of a unit). */
export function formatDuration(t: TFunction, seconds: number): string {
  if (seconds >= 2 * 86_400) return t('outbox.duration.days', { count: Math.round(seconds / 86_400) });
  if (seconds >= 2 * 3_600) return t('outbox.duration.hours', { count: Math.round(seconds / 3_600) });
  return t('outbox.duration.minutes', { count: Math.max(2, Math.round(seconds / 60)) });
}
