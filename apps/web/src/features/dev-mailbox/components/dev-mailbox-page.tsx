import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { Banner } from '../../../components/ui/banner';
import { translateError } from '../../../lib/translate-error';
import { getMailbox } from '../api/get-mailbox';
import type { ReceivedMailSummary } from '../types';

/** Dev mode: what the local mail catcher (the stand-in vendor relay) received. */
export function DevMailboxPage() {
  const { t, i18n } = useTranslation();
  const [mail, setMail] = useState<ReceivedMailSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    getMailbox().then(setMail, setError);
  }, []);
  useEffect(load, [load]);

  return (
    <main className="page">
      <section className="panel" aria-labelledby="mailbox-title">
        <h1 id="mailbox-title">{t('devMailbox.title')}</h1>
        <p className="note">{t('devMailbox.intro')}</p>
        <button type="button" className="button" onClick={load}>
          {t('devMailbox.refresh')}
        </button>
        {error ? <Banner tone="error">{translateError(t, error)}</Banner> : null}
        {mail?.length === 0 && <p>{t('devMailbox.empty')}</p>}
        <ul className="mail-list">
          {mail?.map((item) => (
            <li key={item.id} className="mail-list__item">
              <dl>
                <dt>{t('devMailbox.subject')}</dt>
                <dd>{item.headers.subject}</dd>
                <dt>{t('devMailbox.from')}</dt>
                <dd>{item.headers.from}</dd>
                <dt>{t('devMailbox.to')}</dt>
                <dd>{item.envelope.to.join(', ')}</dd>
                {item.headers.replyTo && (
                  <>
                    <dt>{t('devMailbox.replyTo')}</dt>
                    <dd>{item.headers.replyTo}</dd>
                  </>
                )}
              </dl>
              <time dateTime={item.receivedAt}>{formatDateTime(i18n.language, item.receivedAt)}</time>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
