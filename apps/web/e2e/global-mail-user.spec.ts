import { CardPage } from './pages/card-page';
import { SignInPage } from './pages/sign-in-page';
import { DEMO, expect, test } from './support/fixtures';
import { setUpGlobalMailUser } from './support/global-mail-user';

const COMPANY = { user: 'info', password: 'company-secret' };

// Two servers: the company server the global mail user configures, and one user's own server.
test.use({
  smtpServers: {
    company: { security: 'starttls', users: { [COMPANY.user]: COMPANY.password, 'jaan.company': 'jaan-company-pw' } },
    own: { security: 'ssl', users: { 'jaan.own': 'jaan-own-pw' } },
  },
});

test.beforeEach(async ({ page, servers }) => {
  await setUpGlobalMailUser(page, { port: servers.company!.port, ...COMPANY });
});

test('when the global mail user is set, then a default-mode user’s test mail arrives at its server with its credentials', async ({
  page,
  servers,
}) => {
  const card = new CardPage(page);
  await expect(card.effectivePanel).toContainText(`meili saatmise kasutaja MARI: localhost:${servers.company!.port} STARTTLS`);
  await card.testMailButton.click();
  await expect(card.status(/Testkiri saadeti/)).toBeVisible();
  const mail = await servers.company!.waitForMail();
  expect(mail.authUser).toBe(COMPANY.user);
  expect(mail.envelope.from).toBe(DEMO.user.email);
});

test('when a user fills only User and Password, then the mail arrives at the global server with that user’s credentials', async ({
  page,
  servers,
}) => {
  const card = new CardPage(page);
  await card.mailSender.selectOption({ label: 'SMTP' });
  await page.getByRole('radio', { name: 'Meili saatmise kasutaja MARI server, ainult minu kasutaja ja parool' }).check();
  // The inherited server is shown, read-only: nothing to type, no unused Port or SSL/TLS.
  const inherited = page.getByRole('definition');
  await expect(page.getByLabel('Meili saatmise kasutaja MARI server', { exact: true })).toHaveText(
    `ServerlocalhostPort${servers.company!.port}SSL/TLSStartSSL/SSL/TLS`,
  );
  await expect(card.server).toBeHidden();
  await expect(card.port).toBeHidden();
  await expect(inherited.first()).toHaveText('localhost');
  await card.user.fill('jaan.company');
  await card.password.fill('jaan-company-pw');
  await card.save();
  await card.expectSaved();
  await expect(card.effectivePanel).toContainText('sinu oma (jaan.company)');
  await page.reload();
  await expect(page.getByRole('radio', { name: /Meili saatmise kasutaja MARI server/ })).toBeChecked();
  await card.testMailButton.click();
  await expect(card.status(/Testkiri saadeti/)).toBeVisible();
  expect((await servers.company!.waitForMail()).authUser).toBe('jaan.company');
});

test('when a user has an own server, then the global mail user does not affect them', async ({ page, servers }) => {
  const card = new CardPage(page);
  await card.fillSmtp({ server: 'localhost', port: servers.own!.port, security: 'SSL', user: 'jaan.own', password: 'jaan-own-pw' });
  await card.save();
  await card.expectSaved();
  await card.testMailButton.click();
  await expect(card.status(/Testkiri saadeti/)).toBeVisible();
  expect((await servers.own!.waitForMail()).authUser).toBe('jaan.own');
  expect(servers.company!.received()).toHaveLength(0);
});

test('when a non-admin tries the admin pages or their API, then they are refused and nothing changes', async ({ page }) => {
  await expect(page.getByRole('link', { name: 'Süsteemi seadistused' })).toHaveCount(0);
  await page.goto('/admin/settings');
  await expect(new CardPage(page).heading).toBeVisible();
  await expect(page.getByLabel('Meili saatmise kasutaja kood')).toHaveCount(0);
  const headers = { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' };
  const put = await page.request.put('/api/admin/settings', { headers, data: { mailSendingUserCode: null } });
  expect(put.status()).toBe(403);
  expect((await page.request.get('/api/admin/users')).status()).toBe(403);
  expect((await page.request.get('/api/card/effective')).ok()).toBe(true);
  expect(await (await page.request.get('/api/card/effective')).json()).toMatchObject({
    provenance: { server: 'global', globalUserCode: 'MARI' },
  });
});

test('when the global mail user opens their own card, then it says who depends on it and warns before leaving the own server', async ({
  page,
}) => {
  const signIn = new SignInPage(page);
  await signIn.signOut();
  await signIn.signIn(DEMO.admin.code, DEMO.admin.password);
  const card = new CardPage(page);
  await expect(card.status(/sinu seadistuse kaudu saadab kirju 1 kasutajat/)).toBeVisible();
  await card.mailSender.selectOption({ label: 'Directo (vaikimisi)' });
  await expect(card.status(/lähevad nende 1 kasutaja kirjad Directo serveri kaudu/)).toBeVisible();
});
