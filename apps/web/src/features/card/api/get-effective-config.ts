import type { EffectiveConfig } from '@saatja/core';
import { api } from '../../../lib/api-client';
import { cardPath } from './card-path';

export const getEffectiveConfig = (userCode?: string) => api<EffectiveConfig>('GET', `${cardPath(userCode)}/effective`);
