import type { CardInput, PublicCard } from '@saatja/core';
import { api } from '../../../lib/api-client';
import { cardPath } from './card-path';

export const saveCard = (input: CardInput, userCode?: string) => api<PublicCard>('PUT', cardPath(userCode), input);
