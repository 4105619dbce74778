import type { PublicBatch } from '@saatja/core';
import { api } from '../../../lib/api-client';

/** The newest batches with their progress. */
export const getBatches = () => api<PublicBatch[]>('GET', '/outbox/batches');
