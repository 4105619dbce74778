import type { UserMailOverview } from '@saatja/core';
import { api } from '../../../lib/api-client';

export const getUsers = () => api<UserMailOverview[]>('GET', '/admin/users');
