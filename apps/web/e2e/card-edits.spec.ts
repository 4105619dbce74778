import { CardPage } from './pages/card-page';
import { SignInPage } from './pages/sign-in-page';
import { DEMO, expect, test } from './support/fixtures';

const SMTP_PASSWORD = 'Tr0ub4dor&3-smtp';
const SAVED_HINT = 'Parool on salvestatud. Jäta tühjaks, et seda alles hoida.';
const REENTER_HINT = /salvestatud parool nende jaoks ei kehti, sisesta parool uuesti/;

test.use({ smtpServers: { own: { security: 'starttls', users: { 'jaan.smtp': SMTP_PASSWORD } } } });

test.beforeEach(async ({ page, servers }) => {
  const card = new CardPage(page);
  await new SignInPage(page).signIn(DEMO.user.code, DEMO.user.password);
  await card.fillSmtp({
    server: 'localhost',
    port: servers.own!.port,
    security: 'StartSSL/SSL/TLS',
    user: 'jaan.smtp',
    password: SMTP_PASSWORD,
  });
  await card.save();
  await card.expectSaved();
  await page.reload();
  await expect(card.password).toHaveAccessibleDescription(SAVED_HINT);
});

test('when a field the password is bound to changes, then the password hint says at once to enter it again, and changing it back restores it', async ({
  page,
}) => {
  const card = new CardPage(page);
  const edits = [
    { field: card.server, change: () => card.server.fill('127.0.0.1'), undo: () => card.server.fill('localhost') },
    {
      field: card.security,
      change: () => card.security.selectOption({ label: 'SSL' }),
      undo: () => card.security.selectOption({ label: 'StartSSL/SSL/TLS' }),
    },
    { field: card.user, change: () => card.user.fill('mari.smtp'), undo: () => card.user.fill('jaan.smtp') },
  ];
  for (const edit of edits) {
    await edit.change();
    await expect(card.password).toHaveAccessibleDescription(REENTER_HINT);
    await expect(page.getByRole('button', { name: 'Unusta parool' })).toBeHidden();
    await edit.undo();
    await expect(card.password).toHaveAccessibleDescription(SAVED_HINT);
  }
  await card.port.selectOption('25');
  await expect(card.password).toHaveAccessibleDescription(REENTER_HINT);
});

test('when the mode is switched away from SMTP and saved, then the card says the SMTP settings are kept and switching back finds them, password included', async ({
  page,
  servers,
}) => {
  const card = new CardPage(page);
  await card.mailSender.selectOption({ label: 'Directo (vaikimisi)' });
  await expect(
    page.getByText(`Salvestatud SMTP seaded (localhost:${servers.own!.port}, kasutaja jaan.smtp) jäävad alles, kuid neid ei kasutata.`),
  ).toBeVisible();
  await card.save();
  await card.expectSaved();
  await page.reload();
  await expect(card.effectivePanel).toContainText(/Directo server/);
  await expect(page.getByText(/jäävad alles, kuid neid ei kasutata/)).toBeVisible();

  await card.mailSender.selectOption({ label: 'Microsoft 365 OAUTH' });
  await expect(page.getByText(/Microsoft 365 valikuga salvestamisel kustutatakse salvestatud SMTP seaded/)).toBeVisible();

  await card.mailSender.selectOption({ label: 'SMTP' });
  await expect(card.server).toHaveValue('localhost');
  await expect(card.user).toHaveValue('jaan.smtp');
  await expect(card.password).toHaveAccessibleDescription(SAVED_HINT);
  await card.save();
  await card.expectSaved();
  await card.testMailButton.click();
  await expect(card.status(`Testkiri saadeti aadressile ${DEMO.user.email}.`)).toBeVisible();
  expect((await servers.own!.waitForMail()).authUser).toBe('jaan.smtp');
});

test('when the form is edited after a save or a failed save, then the old banner goes away', async ({ page }) => {
  const card = new CardPage(page);
  await card.user.fill('jaan.smtp2');
  await card.save();
  await expect(card.alert('Salvestamine ebaõnnestus')).toBeVisible();
  await card.password.fill(SMTP_PASSWORD);
  await expect(card.alert('Salvestamine ebaõnnestus')).toBeHidden();

  await card.user.fill('jaan.smtp');
  await card.save();
  await card.expectSaved();
  await page.getByLabel('Nimi').fill('Jaan Tamm-Kask');
  await expect(card.status('Kaart on salvestatud.')).toBeHidden();
});

test('when the saved server matches a provider, then the provider select names it instead of asking to choose', async ({ page }) => {
  const card = new CardPage(page);
  const provider = page.getByLabel('Teenusepakkuja');
  await expect(provider).toHaveValue('');
  await card.server.fill('smtp.office365.com');
  await expect(provider.locator('option:checked')).toHaveText('Microsoft 365');
});
