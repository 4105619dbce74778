import { authorizeInBrowser } from '../apps/bff/test/support/identity-browser';
import type { BffReady } from './protocol';
import { expectOk, type Session } from './session';

/**
 * "Authenticate Microsoft 365" for a signed-in bench user, as the card's popup does it: start, sign
 * in and consent at the emulator (its pages, without a browser), then the BFF's callback.
 */
export async function connectM365(ready: BffReady, session: Session, mailbox: { email: string; password: string }): Promise<void> {
  if (!ready.m365) throw new Error('this BFF runs without the local Microsoft 365');
  const { authorizeUrl } = (await expectOk(session, 'POST', '/card/m365/start', { user: mailbox.email })) as { authorizeUrl: string };
  const back = await authorizeInBrowser(authorizeUrl, ready.m365.emulatorCa, mailbox);
  const callback = await fetch(back, { headers: { Cookie: session.cookie }, redirect: 'manual' });
  await callback.text();
  const status = (await expectOk(session, 'GET', '/card/m365')) as { connected: boolean; needsReauthentication: boolean };
  if (!status.connected || status.needsReauthentication)
    throw new Error(`Microsoft 365 sign-in of ${mailbox.email} did not connect: ${JSON.stringify(status)}`);
}
