import type { CardInput, PublicCard } from '@saatja/core';
import { api } from '../../../lib/api-client';

export const saveCard = (input: CardInput) => api<PublicCard>('PUT', '/card', input);
