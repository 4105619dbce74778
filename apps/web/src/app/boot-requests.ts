import type { Me, PublicCard, PublicDeployment } from '@saatja/core';
import { getMe } from '../features/auth/api/get-me';
import { getCard } from '../features/card/api/get-card';
import { getDeployment } from '../lib/get-deployment';

/**
 * The first screen's requests, started as soon as the bundle runs and all at once (index.html
 * preloads the same URLs, so they are usually answered before the bundle has even run): measured,
 * the cold card waited for /api/auth/me, then rendered, then asked for /api/card (a serial hop).
 * The own card is asked for on the chance of a session; without one its refusal is simply unused.
 */
const requests = { me: getMe(), deployment: getDeployment(), card: getCard() };
// A refusal (no session) must not surface as an unhandled rejection.
requests.card.catch(() => undefined);

export type BootSession = { state: 'ready'; me: Me | null; deployment: PublicDeployment } | { state: 'failed'; error: unknown };

/** Who is signed in and the deployment, or why they could not be read; never rejects. */
export const bootSession: Promise<BootSession> = Promise.all([requests.me, requests.deployment]).then(
  ([me, deployment]) => ({ state: 'ready', me, deployment }),
  (error: unknown) => ({ state: 'failed', error }),
);

/** The own card as read at start-up, if the session could read it; undefined otherwise. */
const bootCard: Promise<PublicCard | undefined> = requests.card.catch(() => undefined);
let prefetchedCard: PublicCard | undefined;

/** Waits for the start-up reads, so that the first render shows the card without another round of renders. */
export async function bootReady(): Promise<BootSession> {
  const session = await bootSession;
  if (session.state === 'ready' && session.me) prefetchedCard = await bootCard;
  return session;
}

/** The prefetched own card, once: later visits of the card page ask again, for fresh data. */
export function takePrefetchedCard(): PublicCard | undefined {
  const card = prefetchedCard;
  prefetchedCard = undefined;
  return card;
}
