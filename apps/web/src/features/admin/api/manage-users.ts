import type { CreateUserInput, ResetPasswordInput } from '@saatja/core';
import { api } from '../../../lib/api-client';

export const createUser = (input: CreateUserInput) => api<unknown>('POST', '/admin/users', input);
export const resetPassword = (code: string, input: ResetPasswordInput) =>
  api<void>('PUT', `/admin/users/${encodeURIComponent(code)}/password`, input);
