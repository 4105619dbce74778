import { auditActions, type AuditAction, type AuditQuery } from '@saatja/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { Field } from '../../../components/ui/field';
import { LogFilters, noCommonFilters, type CommonLogFilters } from '../../../components/ui/log-filters';
import { LogPager } from '../../../components/ui/log-pager';
import { formatDateTime } from '../../../lib/format';
import { translateError } from '../../../lib/translate-error';
import { dayRange, useLogPages } from '../../../lib/use-log-pages';
import { getAudit } from '../api/get-audit';
import { AuditChanges, auditActionText, auditTargetText } from './audit-change';

interface AuditFilterValues extends CommonLogFilters {
  action: AuditAction | '';
}
const noFilters: AuditFilterValues = { ...noCommonFilters, action: '' };

function toQuery({ user, action, fromDay, toDay }: AuditFilterValues): AuditQuery {
  return { ...(user.trim() ? { user: user.trim() } : {}), ...(action ? { action } : {}), ...dayRange(fromDay, toDay) };
}

/** Every change, newest first, a page at a time: who, when, what, old → new (secrets only as "saved"). */
export function AuditPage({ vendor }: { vendor: string }) {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterValues>(noFilters);
  const query = useMemo(() => toQuery(filters), [filters]);
  const log = useLogPages(query, getAudit);
  const filtered = JSON.stringify(filters) !== JSON.stringify(noFilters);

  return (
    <main className="page page--full">
      <section className="panel" aria-labelledby="audit-title" aria-busy={log.loading}>
        <h1 id="audit-title">{t('admin.auditTitle')}</h1>
        <LogFilters value={filters} onChange={setFilters} onClear={() => setFilters(noFilters)} showUser>
          <Field label={t('admin.auditAction')}>
            <select
              value={filters.action}
              onChange={(event) => setFilters({ ...filters, action: event.target.value as AuditFilterValues['action'] })}
            >
              <option value="">{t('log.all')}</option>
              {auditActions.map((action) => (
                <option key={action} value={action}>
                  {auditActionText(t, action)}
                </option>
              ))}
            </select>
          </Field>
        </LogFilters>
        {log.error !== null && <Banner tone="error">{translateError(t, log.error)}</Banner>}
        {log.loading && log.entries.length === 0 && <p>{t('app.loading')}</p>}
        {!log.loading && log.error === null && log.entries.length === 0 && (
          <p role="status">{filtered ? t('log.emptyFiltered') : t('admin.auditEmpty')}</p>
        )}
        {log.entries.length > 0 && (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.auditAt')}</th>
                  <th scope="col">{t('admin.auditActor')}</th>
                  <th scope="col">{t('admin.auditAction')}</th>
                  <th scope="col">{t('admin.auditChanges')}</th>
                </tr>
              </thead>
              <tbody>
                {log.entries.map((entry) => (
                  <tr key={entry.id}>
                    <td data-label={t('admin.auditAt')}>
                      <time dateTime={entry.at}>{formatDateTime(i18n.language, entry.at)}</time>
                    </td>
                    <td data-label={t('admin.auditActor')}>{entry.actor ?? '–'}</td>
                    <td data-label={t('admin.auditAction')}>
                      {auditActionText(t, entry.action)} <span className="muted">({auditTargetText(t, entry.target)})</span>
                    </td>
                    <td data-label={t('admin.auditChanges')}>
                      <AuditChanges changes={entry.changes} vendor={vendor} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {log.entries.length > 0 && (
          <LogPager count={log.entries.length} hasMore={log.next !== null} loading={log.loading} onMore={log.more} />
        )}
      </section>
    </main>
  );
}
