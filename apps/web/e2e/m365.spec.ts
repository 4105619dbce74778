import type { Page } from '@playwright/test';
import { DEMO_M365_MAILBOXES } from '@saatja/bff/testing';
import { CardPage } from './pages/card-page';
import { DiagnosticsPanel } from './pages/diagnostics-panel';
import { authenticateM365, M365Section, MicrosoftSignIn } from './pages/m365-pages';
import { SignInPage } from './pages/sign-in-page';
import { DEMO, expect, test } from './support/fixtures';

const [JAAN, MARI] = DEMO_M365_MAILBOXES as [(typeof DEMO_M365_MAILBOXES)[0], (typeof DEMO_M365_MAILBOXES)[0]];

// The emulator's certificate comes from the test CA, which the browser does not know; the BFF
// itself verifies it through its extra trusted CAs.
test.use({ m365: true, ignoreHTTPSErrors: true });

/** Authenticates Microsoft 365 in the popup as `mailbox`, the card naming `cardUser`. */
const authenticate = (page: Page, mailbox = JAAN, answer: 'Accept' | 'Cancel' = 'Accept', cardUser = JAAN.email) =>
  authenticateM365(page, { cardUser, mailbox, answer });

test.beforeEach(async ({ page }) => {
  await new SignInPage(page).signIn(DEMO.user.code, DEMO.user.password);
  await expect(new CardPage(page).heading).toBeVisible();
});

test('when the user signs in and consents in the popup, then the card shows one status, offers the mailbox as the From, and the test mail goes by XOAUTH2 as that mailbox', async ({
  page,
  stack,
}) => {
  const card = new CardPage(page);
  const m365 = new M365Section(page);

  await authenticate(page);

  await expect(card.status(`Microsoft 365 on autenditud: postkast ${JAAN.email}`)).toBeVisible();
  await expect(m365.authenticateButton).toBeHidden();
  await expect(m365.authenticateAgainButton).toBeVisible();
  await page.reload();
  await expect(card.mailSender).toHaveValue('m365');
  await expect(m365.user).toHaveValue(JAAN.email);
  await expect(page.getByText(/Microsoft 365 on autenditud/)).toHaveCount(1);
  await expect(m365.authenticateAgainButton).toBeVisible();

  // The card's e-mail is not the mailbox: Exchange would refuse it as the From (5.2.252).
  await expect(card.status(`Kirjad lähevad saatjaga ${DEMO.user.email}, kuid autenditud postkast on ${JAAN.email}.`)).toBeVisible();
  await page.getByRole('button', { name: `Kasuta e-postina ${JAAN.email}` }).click();
  await expect(page.getByLabel('E-post', { exact: true })).toHaveValue(JAAN.email);
  await card.save();
  await card.expectSaved();

  const diagnostics = new DiagnosticsPanel(page);
  await diagnostics.sendButton.click();
  await expect(diagnostics.verdict).toContainText(`Testkiri saadeti aadressile ${JAAN.email}.`);
  const mail = await stack.m365!.smtp.waitForMail();
  expect(mail).toMatchObject({ authMethod: 'XOAUTH2', authUser: JAAN.email, secure: true, envelope: { from: JAAN.email } });
});

test('when the From is not the signed-in mailbox, then the test mail is refused with 5.2.252 and the diagnosis explains Send As', async ({
  page,
  stack,
}) => {
  await authenticate(page);
  await expect(new CardPage(page).status(/Microsoft 365 on autenditud/)).toBeVisible();

  const diagnostics = new DiagnosticsPanel(page);
  await diagnostics.sendButton.click();

  await expect(diagnostics.verdict).toContainText(
    'Microsoft 365 keeldus saatja aadressist: sisse logitud postkast tohib saata ainult enda nimel (554 5.2.252 SendAsDenied).',
  );
  await expect(diagnostics.region).toContainText('Kasuta kaardi e-postina sisse logitud postkasti aadressi');
  expect(stack.m365!.smtp.received()).toEqual([]);
});

test('when the user cancels on the consent page, then the card says so and stays unauthenticated', async ({ page }) => {
  const card = new CardPage(page);

  await authenticate(page, JAAN, 'Cancel');

  await expect(card.status(/Sisselogimine katkestati/)).toBeVisible();
  await expect(page.getByText(/Microsoft 365 pole autenditud/)).toBeVisible();
  await expect(new M365Section(page).disconnectButton).toBeHidden();
});

test('when another mailbox signs in than the card names, then both names are shown and nothing is kept', async ({ page, stack }) => {
  const card = new CardPage(page);

  await authenticate(page, MARI);

  await expect(card.alert(`Sisse logiti postkastiga ${MARI.email}, kuid kaardil on ${JAAN.email}.`)).toBeVisible();
  expect(await stack.bff.db.selectFrom('m365_tokens').selectAll().execute()).toEqual([]);
});

test('when the grant is revoked, then the test mail is not sent and the card asks to authenticate again', async ({ page, stack }) => {
  // msal renews tokens that expire within 5 minutes, so the next send must use the refresh token.
  stack.m365!.emulator.setAccessTokenLifetime(60);
  await authenticate(page);
  await expect(new CardPage(page).status('Microsoft 365 on autenditud')).toBeVisible();
  stack.m365!.emulator.revokeGrants(JAAN.email);

  const diagnostics = new DiagnosticsPanel(page);
  await diagnostics.sendButton.click();

  await expect(diagnostics.region).toContainText('Microsoft 365 vajab uuesti autentimist');
  await page.reload();
  await expect(page.getByText(/Microsoft 365 vajab uuesti autentimist: luba on tühistatud või aegunud \(AADSTS50173\)/)).toBeVisible();
  expect(stack.m365!.smtp.received()).toEqual([]);
});

test('when the mailbox has Authenticated SMTP turned off, then the test mail explains 5.7.139 and where to turn it on', async ({
  page,
  stack,
}) => {
  await authenticate(page);
  await expect(new CardPage(page).status('Microsoft 365 on autenditud')).toBeVisible();
  stack.m365!.emulator.setAuthenticatedSmtp(JAAN.email, false);

  const diagnostics = new DiagnosticsPanel(page);
  await diagnostics.sendButton.click();

  await expect(diagnostics.verdict).toContainText('Authenticated SMTP välja lülitatud (5.7.139)');
  await expect(diagnostics.region).toContainText('Manage email apps');
  expect(stack.m365!.smtp.received()).toEqual([]);
});

test('when the user disconnects, then the tokens are forgotten', async ({ page, stack }) => {
  const m365 = new M365Section(page);
  await authenticate(page);
  await expect(m365.disconnectButton).toBeVisible();

  await m365.disconnectButton.click();

  // One status line says what happened and what to do; no second banner repeats it.
  await expect(page.getByText(/^Microsoft 365 ühendus on katkestatud ja tõendid kustutatud\. Kirju ei saadeta/)).toBeVisible();
  await expect(page.getByText(/Microsoft 365 pole autenditud\. Vajuta/)).toHaveCount(0);
  await expect(new CardPage(page).effectivePanel).toContainText(`Microsoft 365 OAuth (${JAAN.email}) — pole autenditud, kirju ei saadeta`);
  await page.reload();
  await expect(new CardPage(page).effectivePanel).toContainText('pole autenditud, kirju ei saadeta');
  expect(await stack.bff.db.selectFrom('m365_tokens').selectAll().execute()).toEqual([]);
});

test.describe('a blocked popup', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      window.open = () => null;
    });
  });

  test('when the browser blocks the popup, then the sign-in runs in the same window and the card shows the result', async ({ page }) => {
    const m365 = new M365Section(page);
    await page.reload();
    await m365.choose(JAAN.email);

    await m365.authenticateButton.click();
    const microsoft = new MicrosoftSignIn(page);
    await microsoft.signIn(JAAN.email, JAAN.password);
    await microsoft.answer('Accept', { popup: false });

    await expect(new CardPage(page).status(`Microsoft 365 on autenditud: postkast ${JAAN.email}`)).toBeVisible();
    expect(new URL(page.url()).search).toBe('');
  });
});
