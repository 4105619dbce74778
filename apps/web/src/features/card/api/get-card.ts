import type { PublicCard } from '@saatja/core';
import { api } from '../../../lib/api-client';
import { cardPath } from './card-path';

export const getCard = (userCode?: string) => api<PublicCard>('GET', cardPath(userCode));
