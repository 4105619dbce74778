import type { EffectiveConfig } from '@saatja/core';
import { api } from '../../../lib/api-client';

export const getEffectiveConfig = () => api<EffectiveConfig>('GET', '/card/effective');
