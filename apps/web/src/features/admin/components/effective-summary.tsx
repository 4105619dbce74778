import type { EffectiveConfig } from '@saatja/core';
import { useTranslation } from 'react-i18next';

/** One line of where a user's mail goes and whose it is: own, global mail user, or vendor relay. */
export function EffectiveSummary({ effective, vendor }: { effective: EffectiveConfig; vendor: string }) {
  const { t } = useTranslation();
  const { transport, provenance } = effective;
  const server = transport.kind === 'smtp' ? `${transport.host}:${transport.port}` : transport.kind === 'm365' ? 'Microsoft 365' : '';
  return (
    <>
      <span className={`tag tag--${provenance.server}`}>
        {t(`admin.provenance.${provenance.server}`, { code: provenance.globalUserCode, vendor })}
      </span>
      {server && <span className="muted"> {server}</span>}
      {provenance.server === 'global' && provenance.credentials === 'own' && <span className="muted"> · {t('admin.ownCredentials')}</span>}
      {effective.passwordNeeded && <span className="tag tag--warning"> {t('admin.passwordNeeded')}</span>}
    </>
  );
}
