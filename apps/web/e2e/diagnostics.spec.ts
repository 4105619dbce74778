import type { Page } from '@playwright/test';
import { CardPage } from './pages/card-page';
import { checkStarttlsAtImplicitTlsPort, DiagnosticsPanel } from './pages/diagnostics-panel';
import { SendLogPage } from './pages/send-log-page';
import { SignInPage } from './pages/sign-in-page';
import { DEMO, expect, test } from './support/fixtures';

const SMTP_USER = 'jaan.smtp';
const SMTP_PASSWORD = 'Tr0ub4dor&3-smtp';

test.use({ smtpServers: { own: { security: 'starttls', users: { [SMTP_USER]: SMTP_PASSWORD } }, implicitTls: { security: 'ssl' } } });

async function saveSmtpCard(page: Page, port: number, password: string) {
  const card = new CardPage(page);
  await new SignInPage(page).signIn(DEMO.user.code, DEMO.user.password);
  await expect(card.heading).toBeVisible();
  await card.fillSmtp({ server: 'localhost', port, security: 'StartSSL/SSL/TLS', user: SMTP_USER, password });
  await card.save();
  await card.expectSaved();
}

test('when the password is wrong, then the check shows each step, the failing login and what to do, and the log keeps it', async ({
  page,
  servers,
}) => {
  await saveSmtpCard(page, servers.own!.port, 'not-the-password');
  const panel = new DiagnosticsPanel(page);

  await panel.checkButton.click();

  await expect(panel.verdict).toContainText('Ühenduse kontroll ebaõnnestus sammul „Sisselogimine (AUTH)“.');
  await expect(panel.verdict).toContainText('Server ei võtnud kasutajat ja parooli vastu.');
  await expect(panel.verdict).toContainText('Mida teha: Kontrolli kasutajat');
  for (const name of ['DNS (serveri nimi)', 'TCP-ühendus', 'Serveri tervitus', 'TLS (sertifikaat)', 'EHLO (serveri võimalused)']) {
    await expect(panel.step(name)).toContainText('korras');
  }
  await expect(panel.step('TLS (sertifikaat)')).toContainText('CN=localhost');
  await expect(panel.step('EHLO (serveri võimalused)')).toContainText('Sisselogimisviisid: PLAIN, LOGIN');
  await expect(panel.step('Sisselogimine (AUTH)')).toContainText('ebaõnnestus');
  await expect(panel.region).toContainText(/Serveri vastus: 535 5\.7\.8/);
  await expect(panel.steps).toHaveCount(6);
  await expect(page.getByText('not-the-password')).toHaveCount(0);

  const log = new SendLogPage(page);
  await log.open();
  await expect(log.heading).toBeVisible();
  await expect(log.rows.nth(1)).toContainText('Ühenduse kontroll');
  await expect(log.rows.nth(1)).toContainText('Ebaõnnestus');
  await expect(log.rows.nth(1)).toContainText('Server ei võtnud kasutajat ja parooli vastu.');
});

test('when the settings are right, then the test mail shows every step up to sending and arrives', async ({ page, servers }) => {
  await saveSmtpCard(page, servers.own!.port, SMTP_PASSWORD);
  const panel = new DiagnosticsPanel(page);

  await panel.sendButton.click();

  await expect(panel.verdict).toHaveText(`Testkiri saadeti aadressile ${DEMO.user.email}.`);
  await expect(panel.step('Sisselogimine (AUTH)')).toContainText(`PLAIN, kasutaja ${SMTP_USER}`);
  await expect(panel.step('Testkirja saatmine')).toContainText('korras');
  await expect(panel.steps).toHaveCount(7);
  const mail = await servers.own!.waitForMail();
  expect(mail).toMatchObject({ authUser: SMTP_USER, secure: true });
});

test('when the dry run passes, then nothing is delivered and the verdict says so', async ({ page, servers }) => {
  await saveSmtpCard(page, servers.own!.port, SMTP_PASSWORD);
  const panel = new DiagnosticsPanel(page);

  await panel.checkButton.click();

  await expect(panel.verdict).toHaveText('Ühendus on korras: server võttis kirja vastu kuni andmeteni; kirja ei saadetud.');
  await expect(panel.step('Kirja andmed (DATA → 354, katkestatud)')).toContainText('354');
  expect(servers.own!.received()).toHaveLength(0);
});

test('on a phone, when the check ends, then its results are scrolled into view and have the focus', async ({ page, servers }) => {
  await page.setViewportSize({ width: 375, height: 700 });
  await saveSmtpCard(page, servers.own!.port, 'not-the-password');
  const panel = new DiagnosticsPanel(page);
  await panel.checkButton.scrollIntoViewIfNeeded();

  await panel.checkButton.click();

  await expect(panel.verdict).toContainText('Server ei võtnud kasutajat ja parooli vastu.');
  await expect(panel.results).toBeFocused();
  await expect(panel.verdict).toBeInViewport();
});

test('when a STARTTLS client waits at an implicit-TLS port, then the wait shows its progress until the explanation comes', async ({
  page,
  servers,
}) => {
  const panel = await checkStarttlsAtImplicitTlsPort(page, servers.implicitTls!.port);

  const wait = panel.step('Serveri tervitus').getByRole('progressbar', { name: /Ootan serverit: \d+ s \/ 10 s/ });
  await expect(wait).toBeVisible();
  await expect(panel.step('Serveri tervitus')).toContainText(/Ootan serverit: [2-9] s \/ 10 s/);
  await expect(panel.verdict).toContainText('Ühenduse kontroll ebaõnnestus sammul „Serveri tervitus“.', { timeout: 20_000 });
  await expect(panel.verdict).toContainText('sellel pordil on tõenäoliselt SSL');
  await expect(wait).toBeHidden();
});
