import type { PublicCard, SenderMode } from '@saatja/core';
import { useTranslation } from 'react-i18next';

/**
 * Another mode than SMTP is chosen while SMTP settings are saved: Directo and Reply-To keep them,
 * inactive, for a later switch back; Microsoft 365 would replace them, so it says so before saving.
 */
export function SavedSmtpNote({ card, mode }: { card: PublicCard; mode: SenderMode }) {
  const { t } = useTranslation();
  const smtp = card.mailSender.smtp;
  if (!smtp || card.mailSender.mode === 'm365') return null;
  const inherited = card.mailSender.inherited;
  const server = smtp.host ? `${smtp.host}:${smtp.port ?? ''}` : t('card.inheritedServerShort', { code: inherited?.code ?? '' });
  const params = { server, user: smtp.user || t('card.noUser') };
  return mode === 'm365' ? (
    <p className="note note--warning">{t('card.savedSmtpDropped', params)}</p>
  ) : (
    <p className="note note--info">{t('card.savedSmtpKept', params)}</p>
  );
}
