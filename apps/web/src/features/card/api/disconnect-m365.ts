import type { M365Status } from '@saatja/core';
import { api } from '../../../lib/api-client';
import { cardPath } from './card-path';

/** Forgets the card's Microsoft 365 tokens; answers the new status. */
export const disconnectM365 = (userCode?: string) => api<M365Status>('DELETE', `${cardPath(userCode)}/m365`);
