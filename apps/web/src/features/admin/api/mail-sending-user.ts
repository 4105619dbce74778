import type { MailSendingUserInput, UserMailOverview } from '@saatja/core';
import { api } from '../../../lib/api-client';

export const getSettings = () => api<MailSendingUserInput>('GET', '/admin/settings');
export const saveSettings = (input: MailSendingUserInput) => api<MailSendingUserInput>('PUT', '/admin/settings', input);
export const previewSettings = (input: MailSendingUserInput) => api<UserMailOverview[]>('POST', '/admin/settings/preview', input);
