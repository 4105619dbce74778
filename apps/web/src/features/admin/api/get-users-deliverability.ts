import type { UserDeliverability } from '@saatja/core';
import { api } from '../../../lib/api-client';

/** Every user's deliverability verdict as their saved card sends; slower than the list itself (DNS). */
export const getUsersDeliverability = () => api<UserDeliverability[]>('GET', '/admin/deliverability');
