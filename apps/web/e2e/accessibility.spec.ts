import { AdminSettingsPage, UsersPage } from './pages/admin-pages';
import { CardPage } from './pages/card-page';
import { SignInPage } from './pages/sign-in-page';
import { expectAccessible } from './support/accessibility';
import { DEMO, expect, test } from './support/fixtures';

test('when every page and state is checked with axe, then nothing serious or critical is found', async ({ page }) => {
  const signIn = new SignInPage(page);
  await page.goto('/');
  await expectAccessible(page, 'sign-in');
  await page.getByRole('button', { name: 'Logi sisse' }).click();
  await expect(page.getByText('Kohustuslik väli.').first()).toBeVisible();
  await expectAccessible(page, 'sign-in with errors');

  await signIn.signIn(DEMO.admin.code, DEMO.admin.password);
  const card = new CardPage(page);
  await expectAccessible(page, 'card default');
  await card.mailSender.selectOption({ label: 'SMTP' });
  await card.security.selectOption({ label: 'EI' });
  await card.save();
  await expect(card.server).toHaveAccessibleDescription('Kohustuslik väli.');
  await expectAccessible(page, 'card smtp with errors and warnings');
  await page.getByLabel('Teenusepakkuja').selectOption({ label: 'Google Gmail' });
  await card.security.selectOption({ label: 'StartSSL/SSL/TLS' });
  await expectAccessible(page, 'card smtp preset and TLS advice');
  await card.mailSender.selectOption({ label: 'Microsoft 365 OAUTH' });
  await expectAccessible(page, 'card m365');
  await card.mailSender.selectOption({ label: 'Directo-Reply-To' });
  await card.save();
  await card.expectSaved();
  await expectAccessible(page, 'card replyTo saved');
  await card.testMailButton.click();
  await expect(card.status(/Testkiri saadeti/)).toBeVisible();
  await expectAccessible(page, 'card after test mail');

  await new UsersPage(page).open();
  await expect(new UsersPage(page).row('JAAN')).toBeVisible();
  await expectAccessible(page, 'admin users');
  await page.getByRole('button', { name: 'Uus parool' }).first().click();
  await expectAccessible(page, 'admin users with password form');
  await new AdminSettingsPage(page).open();
  await expect(new AdminSettingsPage(page).mailSendingUser).toBeVisible();
  await expectAccessible(page, 'admin settings');
  await page.getByRole('link', { name: 'Auditilogi' }).click();
  await expect(page.getByRole('cell', { name: /Kasutaja kaart salvestati/ }).first()).toBeVisible();
  await expectAccessible(page, 'admin audit log');
  await page.getByRole('link', { name: 'Arenduse postkast' }).click();
  await expect(page.getByRole('heading', { name: 'Arenduse postkast' })).toBeVisible();
  await expectAccessible(page, 'dev mailbox');

  await page.getByLabel('Keel').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Dev mailbox' })).toBeVisible();
  await expectAccessible(page, 'dev mailbox in English');
});

test('when the SMTP card is filled and saved with the keyboard alone, then it works and focus stays visible', async ({ page }) => {
  await page.goto('/');
  // The app renders after its first requests; tabbing before that would land nowhere.
  await expect(page.getByRole('button', { name: 'Logi sisse' })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Kasutaja kood')).toBeFocused();
  await page.keyboard.type(DEMO.user.code);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO.user.password);
  await page.keyboard.press('Enter');
  const card = new CardPage(page);
  await expect(card.heading).toBeVisible();

  // Tab to the mail sender select and choose SMTP with the arrow keys.
  await card.mailSender.focus();
  for (let i = 0; i < 20 && !(await card.mailSender.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await expect(card.mailSender).toHaveValue('smtp');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Teenusepakkuja')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(card.server).toBeFocused();
  await page.keyboard.type('smtp.firma.ee');
  await page.keyboard.press('Tab');
  await expect(card.port).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(card.port).toHaveValue('587');
  await page.keyboard.press('Tab');
  await expect(card.security).toBeFocused();
  await expect(card.security).toHaveValue('starttls');
  await page.keyboard.press('Tab');
  await expect(card.user).toBeFocused();
  await page.keyboard.type('jaan');
  await page.keyboard.press('Tab');
  await expect(card.password).toBeFocused();
  const outline = await card.password.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.type('salajane-parool');
  await page.keyboard.press('Enter');
  await card.expectSaved();
  await page.reload();
  await expect(card.server).toHaveValue('smtp.firma.ee');
  await expect(page.getByText('Parool on salvestatud.')).toBeVisible();
});
