import type { M365StartInput } from '@saatja/core';
import { api } from '../../../lib/api-client';
import { cardPath } from './card-path';

/** Begins the sign-in; the answer is the identity provider's URL for the popup. */
export const startM365 = (input: M365StartInput, userCode?: string) =>
  api<{ authorizeUrl: string }>('POST', `${cardPath(userCode)}/m365/start`, input);
