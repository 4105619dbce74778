import type { LogPage, PublicSendLogEntry, SendLogQuery } from '@saatja/core';
import { api } from '../../../lib/api-client';
import { queryString } from '../../../lib/use-log-pages';

/** One page, newest first, filtered; a user's own entries, or everyone's for admins. */
export const getSendLog = (query: SendLogQuery = {}) => api<LogPage<PublicSendLogEntry>>('GET', `/send-log${queryString(query)}`);
