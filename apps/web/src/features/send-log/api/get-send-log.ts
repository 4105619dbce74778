import type { PublicSendLogEntry, SendLogQuery } from '@saatja/core';
import { api } from '../../../lib/api-client';

/** The newest entries, or those older than `before`; a user's own, or everyone's for admins. */
export const getSendLog = (query: SendLogQuery = {}) =>
  api<PublicSendLogEntry[]>('GET', `/send-log${query.before ? `?before=${query.before}` : ''}`);
