import type { EventsQuery, PublicEvent } from '@saatja/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { translateError } from '../../../lib/translate-error';
import { getEvents } from '../api/get-events';
import { EventFilters, type Filters, type Period } from './event-filters';
import { EventsTable } from './events-table';
import './events.css';

/** Hours each period reaches back. */
const PERIOD_HOURS: Record<Exclude<Period, 'all'>, number> = { day: 24, week: 7 * 24, month: 30 * 24 };

function toQuery({ kind, period }: Filters): EventsQuery {
  return {
    ...(kind ? { kind } : {}),
    ...(period === 'all' ? {} : { since: new Date(Date.now() - PERIOD_HOURS[period] * 3_600_000).toISOString() }),
  };
}

type Result = { request: object; events: PublicEvent[] } | { request: object; error: unknown };

/** The Events module (SPEC §4): bounces and replies to the event mailbox; a user's own, or all for admins. */
export function EventsPage({ vendor, isAdmin }: { vendor: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({ kind: '', period: 'all' });
  const [reloads, setReloads] = useState(0);
  // A new request object per filter change or refresh; a result counts only for its own request.
  const request = useMemo(() => ({ filters, reloads }), [filters, reloads]);
  const [result, setResult] = useState<Result | null>(null);

  useEffect(() => {
    let current = true;
    getEvents(toQuery(request.filters)).then(
      (events) => current && setResult({ request, events }),
      (error: unknown) => current && setResult({ request, error }),
    );
    return () => {
      current = false;
    };
  }, [request]);

  const shown = result?.request === request ? result : null;
  const filtered = filters.kind !== '' || filters.period !== 'all';
  return (
    <main className="page page--wide">
      <section className="panel" aria-labelledby="events-title">
        <h1 id="events-title">{t('events.title')}</h1>
        <p className="note">{t('events.intro', { vendor })}</p>
        {isAdmin && <p className="note">{t('events.adminNote')}</p>}
        <EventFilters value={filters} onChange={setFilters} onRefresh={() => setReloads((count) => count + 1)} busy={shown === null} />
        {shown === null ? (
          <p role="status" aria-busy="true">
            {t('events.loading')}
          </p>
        ) : 'error' in shown ? (
          <Banner tone="error">{translateError(t, shown.error)}</Banner>
        ) : shown.events.length === 0 ? (
          <p role="status">{filtered ? t('events.emptyFiltered') : t('events.empty', { vendor })}</p>
        ) : (
          <EventsTable events={shown.events} showUser={isAdmin} />
        )}
      </section>
    </main>
  );
}
