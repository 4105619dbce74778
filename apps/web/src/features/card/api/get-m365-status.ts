import type { M365Status } from '@saatja/core';
import { api } from '../../../lib/api-client';
import { cardPath } from './card-path';

export const getM365Status = (userCode?: string) => api<M365Status>('GET', `${cardPath(userCode)}/m365`);
