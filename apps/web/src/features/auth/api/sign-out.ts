import { api } from '../../../lib/api-client';

export const signOut = () => api<void>('POST', '/auth/sign-out');
