import type { LogPage } from '@saatja/core';
import { useEffect, useMemo, useState } from 'react';

interface Shown<T> {
  request: object;
  entries: T[];
  next: number | null;
  error: unknown;
}

/**
 * A server-side paged log under a filter: the first page whenever the filter changes (or on
 * refresh), then "more" follows the cursor. An answer counts only for the request it belongs to.
 */
export function useLogPages<Q extends object, T>(filter: Q, fetchPage: (query: Q & { before?: number }) => Promise<LogPage<T>>) {
  const [reloads, setReloads] = useState(0);
  const request = useMemo(() => ({ filter, reloads }), [filter, reloads]);
  const [shown, setShown] = useState<Shown<T> | null>(null);
  const [fetchingMore, setFetchingMore] = useState(false);

  useEffect(() => {
    let current = true;
    fetchPage(request.filter).then(
      (page) => current && setShown({ request, entries: page.entries, next: page.next, error: null }),
      (error: unknown) => current && setShown({ request, entries: [], next: null, error }),
    );
    return () => {
      current = false;
    };
  }, [request, fetchPage]);

  const fresh = shown?.request === request ? shown : null;
  const more = () => {
    if (!fresh || fresh.next === null) return;
    const same = (state: Shown<T> | null) => state !== null && state.request === request;
    setFetchingMore(true);
    fetchPage({ ...request.filter, before: fresh.next })
      .then(
        (page) =>
          setShown((state) => (same(state) ? { ...state!, entries: [...state!.entries, ...page.entries], next: page.next } : state)),
        (error: unknown) => setShown((state) => (same(state) ? { ...state!, error } : state)),
      )
      .finally(() => setFetchingMore(false));
  };

  return {
    entries: fresh?.entries ?? [],
    next: fresh?.next ?? null,
    loading: fresh === null || fetchingMore,
    error: fresh?.error ?? null,
    refresh: () => setReloads((count) => count + 1),
    more,
  };
}

/** `?a=1&b=x` of the set values, for a GET with a filter. */
export function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A day range picked in the browser's time zone, as the [from, to) instants the API filters on. */
export function dayRange(fromDay: string, toDay: string): { from?: string; to?: string } {
  const start = (day: string) => new Date(`${day}T00:00:00`);
  const range: { from?: string; to?: string } = {};
  if (fromDay) range.from = start(fromDay).toISOString();
  if (toDay) {
    const end = start(toDay);
    end.setDate(end.getDate() + 1);
    range.to = end.toISOString();
  }
  return range;
}
