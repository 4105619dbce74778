import { isAtRisk, type UserDeliverability } from '@saatja/core';
import { useTranslation } from 'react-i18next';

/** A user's verdict on the users page: the same words as on their card, briefly. */
export function DeliverabilityCell({ verdict, loading }: { verdict: UserDeliverability | undefined; loading: boolean }) {
  const { t } = useTranslation();
  if (!verdict) return <span className="muted">{loading ? t('deliverability.checkingShort') : '–'}</span>;
  if (!verdict.advice) return <span className="muted">{t('deliverability.severity.notAffected')}</span>;
  const { severity } = verdict.advice;
  return (
    <span className={isAtRisk(severity) ? `verdict verdict--${severity}` : 'verdict'}>
      {t(`deliverability.severity.${severity}`)} <span className="muted">({verdict.domain})</span>
    </span>
  );
}
