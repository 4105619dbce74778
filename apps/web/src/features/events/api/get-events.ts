import type { EventsQuery, PublicEvent } from '@saatja/core';
import { api } from '../../../lib/api-client';

export function getEvents(query: EventsQuery) {
  const params = new URLSearchParams();
  if (query.kind) params.set('kind', query.kind);
  if (query.since) params.set('since', query.since);
  const search = params.size > 0 ? `?${params.toString()}` : '';
  return api<{ events: PublicEvent[] }>('GET', `/events${search}`).then((body) => body.events);
}
