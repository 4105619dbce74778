import type { Me } from '@saatja/core';
import { api, ApiError } from '../../../lib/api-client';

/** The signed-in user, or null when there is no session. */
export async function getMe(): Promise<Me | null> {
  try {
    return await api<Me>('GET', '/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthenticated') return null;
    throw error;
  }
}
