import type { PublicOutboxMessageDetail } from '@saatja/core';
import { api } from '../../../lib/api-client';

/** One message with its attempts and the bounces matched to it. */
export const getMessage = (id: string) => api<PublicOutboxMessageDetail>('GET', `/outbox/messages/${encodeURIComponent(id)}`);
