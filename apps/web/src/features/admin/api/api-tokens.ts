import type { CreatedApiToken, CreateTokenInput, PublicApiToken } from '@saatja/core';
import { api } from '../../../lib/api-client';

export const getTokens = () => api<PublicApiToken[]>('GET', '/admin/tokens');
export const createToken = (input: CreateTokenInput) => api<CreatedApiToken>('POST', '/admin/tokens', input);
export const revokeToken = (id: number) => api<void>('POST', `/admin/tokens/${id}/revoke`);
