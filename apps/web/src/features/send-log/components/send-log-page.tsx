import { SEND_LOG_PAGE_SIZE, type PublicSendLogEntry } from '@saatja/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { translateError } from '../../../lib/translate-error';
import { getSendLog } from '../api/get-send-log';
import { SendLogTable } from './send-log-table';

type State = { entries: PublicSendLogEntry[]; more: boolean; error: unknown; loading: boolean };

/** The send log (SPEC §5): every test mail, check and send; a user's own, or everyone's for admins. */
export function SendLogPage({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ entries: [], more: false, error: null, loading: true });

  const fetchPage = useCallback((before?: number) => {
    getSendLog(before ? { before } : {}).then(
      (page) => setState((current) => ({ entries: before ? [...current.entries, ...page] : page, more: page.length === SEND_LOG_PAGE_SIZE, error: null, loading: false })),
      (error: unknown) => setState((current) => ({ ...current, error, loading: false })),
    );
  }, []);
  useEffect(() => fetchPage(), [fetchPage]);
  const load = (before?: number) => {
    setState((current) => ({ ...current, loading: true, error: null }));
    fetchPage(before);
  };

  const oldest = state.entries.at(-1);
  return (
    <main className="page page--wide">
      <section className="panel" aria-labelledby="send-log-title" aria-busy={state.loading}>
        <h1 id="send-log-title">{t('sendLog.title')}</h1>
        <p className="note">{t('sendLog.intro')}</p>
        {isAdmin && <p className="note">{t('sendLog.adminNote')}</p>}
        <button type="button" className="button" onClick={() => load()}>
          {t('sendLog.refresh')}
        </button>
        {state.error !== null && <Banner tone="error">{translateError(t, state.error)}</Banner>}
        {state.loading && state.entries.length === 0 && <p>{t('sendLog.loading')}</p>}
        {!state.loading && state.error === null && state.entries.length === 0 && <p>{t('sendLog.empty')}</p>}
        {state.entries.length > 0 && <SendLogTable entries={state.entries} showUser={isAdmin} />}
        {state.more && oldest && (
          <button type="button" className="button" onClick={() => load(oldest.id)} disabled={state.loading}>
            {t('sendLog.more')}
          </button>
        )}
      </section>
    </main>
  );
}
