import type { AuditEntry } from '@saatja/core';
import { api } from '../../../lib/api-client';

export const getAudit = () => api<AuditEntry[]>('GET', '/admin/audit');
