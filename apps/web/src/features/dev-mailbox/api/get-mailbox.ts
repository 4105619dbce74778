import type { ReceivedMailSummary } from '../types';
import { api } from '../../../lib/api-client';

export const getMailbox = () => api<ReceivedMailSummary[]>('GET', '/dev/mailbox');
