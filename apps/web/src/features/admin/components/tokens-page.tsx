import type { CreatedApiToken, PublicApiToken } from '@saatja/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { formatDateTime } from '../../../lib/format';
import { translateError } from '../../../lib/translate-error';
import { getTokens, revokeToken } from '../api/api-tokens';
import { CreateTokenForm } from './create-token-form';

/** API tokens for the ERP's back end (SPEC §10): created here, shown once, revocable. */
export function TokensPage() {
  const { t, i18n } = useTranslation();
  const [tokens, setTokens] = useState<PublicApiToken[]>([]);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    getTokens().then(setTokens, setError);
  }, []);
  useEffect(load, [load]);
  const when = (iso: string | null) => (iso ? formatDateTime(i18n.language, iso) : t('tokens.never'));

  async function revoke(token: PublicApiToken) {
    try {
      await revokeToken(token.id);
      load();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <main className="page page--wide">
      <section className="panel" aria-labelledby="tokens-title">
        <h1 id="tokens-title">{t('tokens.title')}</h1>
        <p className="note">{t('tokens.intro')}</p>
        {error !== null && <Banner tone="error">{translateError(t, error)}</Banner>}
        {created && (
          <Banner tone="success">
            <p>{t('tokens.createdOnce', { name: created.name })}</p>
            <code className="token-secret" aria-label={t('tokens.secretLabel')}>
              {created.token}
            </code>
          </Banner>
        )}
        <CreateTokenForm
          onCreated={(token) => {
            setCreated(token);
            load();
          }}
        />
        <h2>{t('tokens.listTitle')}</h2>
        {tokens.length === 0 ? (
          <p>{t('tokens.empty')}</p>
        ) : (
          <ul className="batch-list">
            {tokens.map((token) => (
              <li key={token.id} className="batch">
                <div className="batch__head">
                  <strong>{token.name}</strong>
                  <code>{token.prefix}…</code>
                  <span className={token.revokedAt ? 'tag tag--warning' : 'tag tag--own'}>
                    {token.revokedAt ? t('tokens.revoked') : t('tokens.active')}
                  </span>
                </div>
                <p className="note">
                  {token.scope.kind === 'any' ? t('tokens.scopeAny') : t('tokens.scopeUsers', { users: token.scope.users.join(', ') })} ·{' '}
                  {t('tokens.createdBy', { code: token.createdBy ?? '–', time: when(token.createdAt) })} ·{' '}
                  {t('tokens.lastUsed', { time: when(token.lastUsedAt) })}
                </p>
                {!token.revokedAt && (
                  <div className="actions">
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => void revoke(token)}
                      aria-label={t('tokens.revokeOf', { name: token.name })}
                    >
                      {t('tokens.revoke')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
