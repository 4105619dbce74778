import type { DomainFacts } from '@saatja/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';

/** What DNS said, for the user's IT person: MX hosts, the SPF record and each IP's result, DMARC. */
export function DomainDetails({ facts }: { facts: DomainFacts }) {
  const { t, i18n } = useTranslation();
  const notFound = t('deliverability.details.none');
  const failed = t('deliverability.details.lookupFailed');
  return (
    <details className="deliverability__details">
      <summary>{t('deliverability.details.title')}</summary>
      <dl>
        <dt>{t('deliverability.details.mx')}</dt>
        <dd>{facts.mx.status === 'lookupFailed' ? failed : facts.mx.hosts.join(', ') || notFound}</dd>
        <dt>{t('deliverability.details.spf')}</dt>
        <dd>{facts.spf.record ? <code className="deliverability__record">{facts.spf.record}</code> : notFound}</dd>
        {facts.spf.checks.map((check) => (
          <dd key={check.ip}>
            {t('deliverability.details.ipResult', { ip: check.ip, result: t(`deliverability.result.${check.result}`) })}
            {check.detail && <span className="muted"> ({check.detail})</span>}
          </dd>
        ))}
        <dt>{t('deliverability.details.dmarc')}</dt>
        <dd>
          {facts.dmarc.status === 'found' ? (
            <code className="deliverability__record">{facts.dmarc.record}</code>
          ) : facts.dmarc.status === 'absent' ? (
            notFound
          ) : (
            failed
          )}
        </dd>
        <dt>{t('deliverability.details.checkedAt')}</dt>
        <dd>{formatDateTime(i18n.language, facts.checkedAt)}</dd>
      </dl>
    </details>
  );
}
