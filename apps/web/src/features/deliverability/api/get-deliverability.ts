import type { DeliverabilityAnswer } from '@saatja/core';
import { api } from '../../../lib/api-client';

/** The DNS facts of `email`'s domain, asked on the card of `userCode` (an admin's view) or one's own. */
export function getDeliverability(email: string, options: { userCode?: string | undefined; refresh?: boolean } = {}) {
  const base = options.userCode ? `/admin/users/${encodeURIComponent(options.userCode)}/card` : '/card';
  const query = new URLSearchParams({ email, ...(options.refresh ? { refresh: '1' } : {}) });
  return api<DeliverabilityAnswer>('GET', `${base}/deliverability?${query}`);
}
