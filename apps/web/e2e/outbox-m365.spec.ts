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

test('when the Microsoft 365 grant was revoked, then the ERP’s message fails at once, and the Outbox, its attempt, the send log and the card say to authenticate again', async ({
  page,
  stack,
}, testInfo) => {
  // msal renews tokens that expire within 5 minutes, so the send must use the refresh token.
  stack.m365!.emulator.setAccessTokenLifetime(60);
  await new SignInPage(page).signIn(DEMO.user.code, DEMO.user.password);
  await authenticateM365(page, { cardUser: JAAN.email, mailbox: JAAN });
  await expect(new CardPage(page).status('Microsoft 365 on autenditud')).toBeVisible();
  stack.m365!.emulator.revokeGrants(JAAN.email);

  const token = await createApiToken(stack.url, ['JAAN']);
  const submitted = await submitMessage(stack.url, token, { user: 'JAAN', to: ['klient@example.ee'], subject: SUBJECT, text: 'Tere!' });
  expect(submitted.status).toBe(202);

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
