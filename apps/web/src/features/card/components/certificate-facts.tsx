import type { CertificateSummary } from '@saatja/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';

/** A server certificate as the user needs to judge it: for whom, by whom, which names, until when. */
export function CertificateFacts({ certificate }: { certificate: CertificateSummary }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => formatDate(i18n.language, iso);
  return (
    <dl className="facts check-facts">
      <dt>{t('diagnostics.certificate.subject')}</dt>
      <dd>{certificate.subject}</dd>
      <dt>{t('diagnostics.certificate.issuer')}</dt>
      <dd>{certificate.issuer}</dd>
      <dt>{t('diagnostics.certificate.names')}</dt>
      <dd>{certificate.altNames.join(', ') || '–'}</dd>
      <dt>{t('diagnostics.certificate.validFrom')}</dt>
      <dd>
        <time dateTime={certificate.validFrom}>{date(certificate.validFrom)}</time>
      </dd>
      <dt>{t('diagnostics.certificate.validTo')}</dt>
      <dd>
        <time dateTime={certificate.validTo}>{date(certificate.validTo)}</time>
      </dd>
    </dl>
  );
}
