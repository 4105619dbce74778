import { DEMO_M365_MAILBOXES } from '@saatja/bff/testing';
import { CardPage } from './pages/card-page';
import { authenticateM365 } from './pages/m365-pages';
import { OutboxPage } from './pages/outbox-pages';
import { SendLogPage } from './pages/send-log-page';
import { SignInPage } from './pages/sign-in-page';
import { expectAccessible } from './support/accessibility';
import { DEMO, expect, test } from './support/fixtures';
import { createApiToken, submitMessage } from './support/outbox-api';
import { screenshotter } from './support/screenshot';

const JAAN = DEMO_M365_MAILBOXES[0]!;
const SUBJECT = 'Arve 2026-201';
const REAUTH = 'Microsoft 365 tuleb uuesti autentida.';

// The emulator's certificate comes from the test CA, which the browser does not know.
test.use({ m365: true, ignoreHTTPSErrors: true });

test.beforeEach(async ({ page, stack }) => {
  // msal renews tokens that expire within 5 minutes, so every send must use the refresh token.
  stack.m365!.emulator.setAccessTokenLifetime(60);
  await new SignInPage(page).signIn(DEMO.user.code, DEMO.user.password);
  await authenticateM365(page, { cardUser: JAAN.email, mailbox: JAAN });
  await expect(new CardPage(page).status('Microsoft 365 on autenditud')).toBeVisible();
});

/** The ERP submits one message as JAAN. */
async function submit(url: string, subject: string) {
  const token = await createApiToken(url, ['JAAN']);
  const submitted = await submitMessage(url, token, { user: 'JAAN', to: ['klient@example.ee'], subject, text: 'Tere!' });
  expect(submitted.status).toBe(202);
}

test('when Microsoft’s sign-in service does not answer, then the message waits for its next try and the Outbox says why', async ({
  page,
  stack,
}, testInfo) => {
  await stack.m365!.emulator.setOutage('temporarilyUnavailable');
  await submit(stack.url, 'Arve 2026-202');

  const outbox = new OutboxPage(page);
  await outbox.open();
  const row = outbox.row('Arve 2026-202');
  await expect(row).toContainText(/Ootab Pole veel saadetud; uus katse .+\. Microsoft 365 sisselogimisega ei saadud ühendust\./, {
    timeout: 20_000,
  });
  await expectAccessible(page, 'outbox, message waiting after Microsoft 365 did not answer');
  await screenshotter(page, testInfo, 1280)('outbox-m365-waiting');
  await page.setViewportSize({ width: 375, height: 900 });
  await screenshotter(page, testInfo, 375)('outbox-m365-waiting');
  expect(stack.m365!.smtp.received()).toEqual([]);
});

test('when the Microsoft 365 grant was revoked, then the ERP’s message fails at once, and the Outbox, its attempt, the send log and the card say to authenticate again', async ({
  page,
  stack,
}, testInfo) => {
  stack.m365!.emulator.revokeGrants(JAAN.email);
  await submit(stack.url, SUBJECT);

  const outbox = new OutboxPage(page);
  await outbox.open();
  const row = outbox.row(SUBJECT);
  await expect(row).toContainText('Ebaõnnestus', { timeout: 20_000 });
  await expect(row).toContainText(REAUTH);
  await row.getByRole('button', { name: `Kirja „${SUBJECT}“ üksikasjad` }).click();
  const detail = page.getByRole('region', { name: SUBJECT });
  await expect(detail.getByRole('listitem')).toHaveCount(1);
  await expect(detail.getByRole('listitem')).toContainText(REAUTH);
  await expect(detail).not.toContainText('m365ReauthRequired');
  await expectAccessible(page, 'outbox, message failed for a new sign-in');
  await screenshotter(page, testInfo, 1280)('outbox-m365-reauth');
  await page.setViewportSize({ width: 375, height: 900 });
  await screenshotter(page, testInfo, 375)('outbox-m365-reauth');
  await page.setViewportSize({ width: 1280, height: 900 });

  const sendLog = new SendLogPage(page);
  await sendLog.open();
  await expect(sendLog.rows.filter({ hasText: 'klient@example.ee' })).toContainText(`Keelatud ${REAUTH}`);

  await page.getByRole('navigation', { name: 'Peamenüü' }).getByRole('link', { name: 'Kasutaja kaart' }).click();
  await expect(page.getByText(/Microsoft 365 vajab uuesti autentimist: luba on tühistatud või aegunud \(AADSTS50173\)/)).toBeVisible();
  expect(stack.m365!.smtp.received()).toEqual([]);
});
