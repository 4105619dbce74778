import type { PublicCard } from '@saatja/core';
import { getMe } from '../features/auth/api/get-me';
import { getCard } from '../features/card/api/get-card';
import { getDeployment } from '../lib/get-deployment';

/**
 * The first screen's requests, started as soon as the bundle runs and all at once: measured, the
 * cold card waited for /api/auth/me, then rendered, then asked for /api/card (a serial hop). The
 * own card is asked for on the chance of a session; without one its refusal is simply unused.
 */
export const bootRequests = {
  me: getMe(),
  deployment: getDeployment(),
  card: getCard() as Promise<PublicCard> | null,
};
// A refusal (no session) must not surface as an unhandled rejection, nor be shown after a sign-in.
bootRequests.card?.catch(() => undefined);
void bootRequests.me.then(
  (me) => {
    if (!me) bootRequests.card = null;
  },
  () => {
    bootRequests.card = null;
  },
);

/** The prefetched own card, once: later visits of the card page ask again, for fresh data. */
export function takePrefetchedCard(): Promise<PublicCard> | undefined {
  const card = bootRequests.card ?? undefined;
  bootRequests.card = null;
  return card;
}
