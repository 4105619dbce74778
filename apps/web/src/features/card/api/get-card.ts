import type { PublicCard } from '@saatja/core';
import { api } from '../../../lib/api-client';

export const getCard = () => api<PublicCard>('GET', '/card');
