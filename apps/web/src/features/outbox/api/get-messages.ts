import type { OutboxMessagePage } from '@saatja/core';
import { api } from '../../../lib/api-client';

/** The newest messages (a user's own, everyone's for admins), or those before `before`, or one batch's. */
export function getMessages(query: { before?: number; batch?: string } = {}) {
  const params = new URLSearchParams();
  if (query.before) params.set('before', String(query.before));
  if (query.batch) params.set('batch', query.batch);
  const search = params.toString();
  return api<OutboxMessagePage>('GET', `/outbox/messages${search ? `?${search}` : ''}`);
}
