import type { EffectiveConfig, EffectiveTransport, M365Status, PublicDeployment } from '@saatja/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { translateError } from '../../../lib/translate-error';
import { getEffectiveConfig } from '../api/get-effective-config';

/** Where the saved card's mail really goes, with the provenance of server and credentials (SPEC §3). */
interface EffectiveConfigPanelProps {
  deployment: PublicDeployment;
  /** Changes whenever the card is saved, so the panel reloads. */
  version: unknown;
  userCode?: string | undefined;
  /** The card's own Microsoft 365 connection, as the Microsoft 365 section last saw it. */
  m365: M365Status | null;
}

export function EffectiveConfigPanel({ deployment, version, userCode, m365 }: EffectiveConfigPanelProps) {
  const { t } = useTranslation();
  const [effective, setEffective] = useState<EffectiveConfig | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    getEffectiveConfig(userCode).then(setEffective, setError);
  }, [version, userCode]);

  if (error) return <Banner tone="error">{translateError(t, error)}</Banner>;
  if (!effective) return null;

  const { transport, provenance } = effective;
  const server = describeServer(transport);
  const serverText =
    provenance.server === 'vendor'
      ? t('effective.servers.vendor', { vendor: deployment.vendorName, relay: deployment.relayHost })
      : t(`effective.servers.${provenance.server}`, { server, code: provenance.globalUserCode });
  const credentialUser = transport.kind === 'smtp' ? transport.credentials?.user : transport.kind === 'm365' ? transport.user : undefined;

  return (
    <section className="panel" aria-labelledby="effective-title">
      <h2 id="effective-title">{t('effective.title')}</h2>
      <dl className="facts">
        <dt>{t('effective.server')}</dt>
        <dd>{serverText}</dd>
        <dt>{t('effective.credentials')}</dt>
        <dd>
          {transport.kind === 'm365'
            ? t(`effective.${m365Key(transport.owner === 'own' ? m365 : null)}`, { user: transport.user })
            : t(`effective.credentialSources.${provenance.credentials}`, { user: credentialUser })}
        </dd>
        <dt>{t('effective.from')}</dt>
        <dd>
          {effective.from.name} &lt;{effective.from.address}&gt;
        </dd>
        {effective.replyTo && (
          <>
            <dt>{t('effective.replyTo')}</dt>
            <dd>{effective.replyTo}</dd>
          </>
        )}
      </dl>
      {effective.passwordNeeded && <Banner tone="warning">{t('effective.passwordNeeded')}</Banner>}
      <p className={effective.massMail ? 'badge badge--on' : 'badge'}>
        {effective.massMail ? t('effective.massMail') : t('effective.massMailOff')}
      </p>
    </section>
  );
}

/** An own Microsoft 365 card that is not (or no longer) authenticated sends nothing: say so. */
function m365Key(status: M365Status | null): 'm365' | 'm365NotAuthenticated' | 'm365NeedsReauthentication' {
  if (status === null) return 'm365';
  if (!status.connected) return 'm365NotAuthenticated';
  return status.needsReauthentication ? 'm365NeedsReauthentication' : 'm365';
}

function describeServer(transport: EffectiveTransport): string {
  switch (transport.kind) {
    case 'smtp':
      return `${transport.host}:${transport.port} ${transport.security.toUpperCase()}`;
    case 'm365':
      return 'smtp.office365.com:587 STARTTLS';
    case 'relay':
      return '';
  }
}
