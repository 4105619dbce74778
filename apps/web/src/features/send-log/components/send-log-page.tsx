import type { SendLogQuery } from '@saatja/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { LogPager } from '../../../components/ui/log-pager';
import { translateError } from '../../../lib/translate-error';
import { dayRange, useLogPages } from '../../../lib/use-log-pages';
import { getSendLog } from '../api/get-send-log';
import { noSendLogFilters, SendLogFilters, type SendLogFilterValues } from './send-log-filters';
import { SendLogTable } from './send-log-table';

function toQuery({ user, kind, result, fromDay, toDay }: SendLogFilterValues): SendLogQuery {
  return {
    ...(user.trim() ? { user: user.trim() } : {}),
    ...(kind ? { kind } : {}),
    ...(result ? { result } : {}),
    ...dayRange(fromDay, toDay),
  };
}

/** The send log (SPEC §5): every test mail, check and send; a user's own, or everyone's for admins. */
export function SendLogPage({ isAdmin, vendor }: { isAdmin: boolean; vendor: string }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<SendLogFilterValues>(noSendLogFilters);
  // A new query per change; an answer to an older one is dropped (useLogPages).
  const query = useMemo(() => toQuery(filters), [filters]);
  const log = useLogPages(query, getSendLog);
  const filtered = JSON.stringify(filters) !== JSON.stringify(noSendLogFilters);

  return (
    <main className="page page--full">
      <section className="panel" aria-labelledby="send-log-title" aria-busy={log.loading}>
        <h1 id="send-log-title">{t('sendLog.title')}</h1>
        <p className="note">{t('sendLog.intro')}</p>
        {isAdmin && <p className="note">{t('sendLog.adminNote')}</p>}
        <SendLogFilters value={filters} onChange={setFilters} showUser={isAdmin} />
        <button type="button" className="button" onClick={log.refresh}>
          {t('log.refresh')}
        </button>
        {log.error !== null && <Banner tone="error">{translateError(t, log.error)}</Banner>}
        {log.loading && log.entries.length === 0 && <p>{t('sendLog.loading')}</p>}
        {!log.loading && log.error === null && log.entries.length === 0 && (
          <p role="status">{filtered ? t('log.emptyFiltered') : t('sendLog.empty')}</p>
        )}
        {log.entries.length > 0 && <SendLogTable entries={log.entries} showUser={isAdmin} vendor={vendor} />}
        {log.entries.length > 0 && (
          <LogPager count={log.entries.length} hasMore={log.next !== null} loading={log.loading} onMore={log.more} />
        )}
      </section>
    </main>
  );
}
