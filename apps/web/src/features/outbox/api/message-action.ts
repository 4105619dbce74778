import type { PublicOutboxMessage } from '@saatja/core';
import { api } from '../../../lib/api-client';

/** Cancel a queued message, or send a failed one again. */
export const messageAction = (id: string, action: 'cancel' | 'retry') =>
  api<PublicOutboxMessage>('POST', `/outbox/messages/${encodeURIComponent(id)}/${action}`);
