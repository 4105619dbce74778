import type { LogPage } from '@saatja/core';
import { useCallback, useEffect, useRef, useState } from 'react';

interface LogPagesState<T> {
  entries: T[];
  next: number | null;
  loading: boolean;
  error: unknown;
}

/**
 * A server-side paged log under a filter: the first page whenever the filter changes, then
 * "more" follows the cursor. An answer counts only for the request it belongs to.
 */
export function useLogPages<Q extends object, T>(filter: Q, fetchPage: (query: Q & { before?: number }) => Promise<LogPage<T>>) {
  const [state, setState] = useState<LogPagesState<T>>({ entries: [], next: null, loading: true, error: null });
  const latest = useRef(0);

  const load = useCallback(
    (before?: number) => {
      const request = ++latest.current;
      setState((current) => ({ ...current, entries: before ? current.entries : [], loading: true, error: null }));
      fetchPage({ ...filter, ...(before ? { before } : {}) }).then(
        (page) => request === latest.current && setState((current) => ({ entries: before ? [...current.entries, ...page.entries] : page.entries, next: page.next, loading: false, error: null })),
        (error: unknown) => request === latest.current && setState((current) => ({ ...current, loading: false, error })),
      );
    },
    [filter, fetchPage],
  );

  useEffect(() => load(), [load]);

  return { ...state, refresh: () => load(), more: () => state.next !== null && load(state.next) };
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
