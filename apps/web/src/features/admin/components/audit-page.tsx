import type { AuditEntry } from '@saatja/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { translateError } from '../../../lib/translate-error';
import { getAudit } from '../api/get-audit';

const show = (value: unknown) => (value === null || value === undefined || value === '' ? '–' : String(value));

/** Every change, newest first: who, when, what, old → new (secrets only as "set"). */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    getAudit().then(setEntries, setError);
  }, []);

  return (
    <main className="page page--wide">
      <section className="panel" aria-labelledby="audit-title">
        <h1 id="audit-title">{t('admin.auditTitle')}</h1>
        {error ? <Banner tone="error">{translateError(t, error)}</Banner> : null}
        {!entries && !error && <p aria-busy="true">{t('app.loading')}</p>}
        {entries?.length === 0 && <p>{t('admin.auditEmpty')}</p>}
        {entries && entries.length > 0 && (
          <div className="table-scroll">
            <table className="table" role="table">
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">{t('admin.auditAt')}</th>
                  <th scope="col" role="columnheader">{t('admin.auditActor')}</th>
                  <th scope="col" role="columnheader">{t('admin.auditAction')}</th>
                  <th scope="col" role="columnheader">{t('admin.auditChanges')}</th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {entries.map((entry) => (
                  <tr key={entry.id} role="row">
                    <td role="cell" data-label={t('admin.auditAt')}>
                      <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(i18n.language)}</time>
                    </td>
                    <td role="cell" data-label={t('admin.auditActor')}>{show(entry.actor)}</td>
                    <td role="cell" data-label={t('admin.auditAction')}>
                      {entry.action} <span className="muted">{entry.target}</span>
                    </td>
                    <td role="cell" data-label={t('admin.auditChanges')}>
                      <ul className="plain-list">
                        {Object.entries(entry.changes).map(([field, change]) => (
                          <li key={field}>
                            <code>{field}</code>: {show(change.from)} → {show(change.to)}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
