import { DEMO_M365_MAILBOXES } from '@saatja/bff/testing';
import { CardPage } from './pages/card-page';
import { checkStarttlsAtImplicitTlsPort } from './pages/diagnostics-panel';
import { authenticateM365, M365Section } from './pages/m365-pages';
import { SignInPage } from './pages/sign-in-page';
import { DEMO, expect, test } from './support/fixtures';
import { setUpGlobalMailUser } from './support/global-mail-user';
import { screenshotter } from './support/screenshot';

const [MAILBOX] = DEMO_M365_MAILBOXES as [(typeof DEMO_M365_MAILBOXES)[0]];
const COMPANY = { user: 'info', password: 'company-secret' };

/**
 * Screenshots of the card's states that need servers of their own (a global mail user's server, an
 * implicit-TLS port, the Microsoft identity emulator), at a phone's and a desktop's width.
 */
for (const width of [375, 1280]) {
  test.describe(`${width} px wide`, () => {
    test.beforeEach(async ({ page }) => page.setViewportSize({ width, height: 900 }));

    test.describe('with a global mail user', () => {
      test.use({ smtpServers: { company: { security: 'starttls', users: { [COMPANY.user]: COMPANY.password } } } });

      test('when the card takes only the user and password, then the inherited server is captured read-only', async ({
        page,
        servers,
      }, testInfo) => {
        await setUpGlobalMailUser(page, { port: servers.company!.port, ...COMPANY });
        const card = new CardPage(page);
        await card.mailSender.selectOption({ label: 'SMTP' });
        await page.getByRole('radio', { name: /ainult minu kasutaja ja parool/ }).check();
        await expect(page.getByLabel('Meili saatmise kasutaja MARI server', { exact: true })).toContainText('localhost');
        await card.user.fill('jaan.company');
        await screenshotter(page, testInfo, width)('card-credentials-only');
      });
    });

    test.describe('with an implicit-TLS server', () => {
      test.use({ smtpServers: { implicitTls: { security: 'ssl' } } });

      test('when the check waits for a greeting that never comes, then its progress is captured', async ({ page, servers }, testInfo) => {
        const panel = await checkStarttlsAtImplicitTlsPort(page, servers.implicitTls!.port);
        await expect(panel.step('Serveri tervitus')).toContainText(/Ootan serverit: [2-9] s \/ 10 s/);
        await screenshotter(page, testInfo, width)('card-greeting-wait');
      });
    });

    test.describe('with Microsoft 365', () => {
      // The emulator's certificate comes from the test CA, which the browser does not know.
      test.use({ m365: true, ignoreHTTPSErrors: true });

      test('when Microsoft 365 is authenticated, mismatched, matched and disconnected, then each state is captured', async ({
        page,
      }, testInfo) => {
        const shot = screenshotter(page, testInfo, width);
        const card = new CardPage(page);
        const m365 = new M365Section(page);
        await new SignInPage(page).signIn(DEMO.user.code, DEMO.user.password);
        await authenticateM365(page, { cardUser: MAILBOX.email, mailbox: MAILBOX });
        await expect(m365.authenticateAgainButton).toBeVisible();
        const mismatch = card.status(`Kirjad lähevad saatjaga ${DEMO.user.email}, kuid autenditud postkast on ${MAILBOX.email}.`);
        await expect(mismatch).toBeVisible();
        await shot('card-m365-from-mismatch');

        await page.getByRole('button', { name: `Kasuta e-postina ${MAILBOX.email}` }).click();
        await card.save();
        await card.expectSaved();
        await expect(mismatch).toBeHidden();
        await expect(page.getByText(/Microsoft 365 on autenditud/)).toHaveCount(1);
        await shot('card-m365-authenticated');

        await m365.disconnectButton.click();
        await expect(card.effectivePanel).toContainText('pole autenditud, kirju ei saadeta');
        await shot('card-m365-disconnected');
      });
    });
  });
}
