import type { ServerRef } from '@saatja/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export type ServerSource = 'own' | 'inherited';

interface ServerChoiceProps {
  value: ServerSource;
  onChange: (value: ServerSource) => void;
  /** The global mail user whose server "credentials only" uses. */
  code: string;
  server: ServerRef;
}

/**
 * Own server, or the global mail user's server with only one's own User and Password ("credentials
 * only", SPEC §3): an explicit choice that shows the inherited server, port and SSL/TLS read-only.
 */
export function ServerChoice({ value, onChange, code, server }: ServerChoiceProps) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="choice">
      <legend>{t('card.serverSource')}</legend>
      <label className="choice__option">
        <input type="radio" name={name} checked={value === 'own'} onChange={() => onChange('own')} />
        {t('card.serverSources.own')}
      </label>
      <label className="choice__option">
        <input type="radio" name={name} checked={value === 'inherited'} onChange={() => onChange('inherited')} />
        {t('card.serverSources.inherited', { code })}
      </label>
      {value === 'inherited' && (
        <dl className="facts" aria-label={t('card.inheritedServerFacts', { code })}>
          <dt>{t('card.host')}</dt>
          <dd>{server.host}</dd>
          <dt>{t('card.port')}</dt>
          <dd>{server.port}</dd>
          <dt>{t('card.security')}</dt>
          <dd>{t(`card.securityModes.${server.security}`)}</dd>
        </dl>
      )}
    </fieldset>
  );
}
