import type { PublicBatch } from '@saatja/core';
import { api } from '../../../lib/api-client';

export const batchAction = (id: string, action: 'pause' | 'resume' | 'cancel') =>
  api<PublicBatch>('POST', `/outbox/batches/${encodeURIComponent(id)}/${action}`);
