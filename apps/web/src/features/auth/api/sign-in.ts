import type { Me, SignInInput } from '@saatja/core';
import { api } from '../../../lib/api-client';

export const signIn = (input: SignInInput) => api<Me>('POST', '/auth/sign-in', input);
