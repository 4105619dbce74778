import type { AuditEntry, AuditQuery, LogPage } from '@saatja/core';
import { api } from '../../../lib/api-client';
import { queryString } from '../../../lib/use-log-pages';

export const getAudit = (query: AuditQuery = {}) => api<LogPage<AuditEntry>>('GET', `/admin/audit${queryString(query)}`);
