import { AdminSettingsPage, UsersPage } from './pages/admin-pages';
import { CardPage } from './pages/card-page';
import { SignInPage } from './pages/sign-in-page';
import { DEMO, expect, test } from './support/fixtures';

/**
 * Screenshots of every page at phone and desktop width, kept as test artifacts
 * (test-results/<this test>/<page>-<width>.png and in the HTML report) for people to look at.
 */
for (const width of [375, 1280]) {
  test(`when the pages are shown ${width} px wide, then they are captured`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    const shot = async (name: string) => {
      const path = testInfo.outputPath(`${name}-${width}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(`${name}-${width}`, { path, contentType: 'image/png' });
    };

    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Logi sisse' })).toBeVisible();
    await shot('sign-in');

    const card = new CardPage(page);
    await new SignInPage(page).signIn(DEMO.admin.code, DEMO.admin.password);
    await expect(card.effectivePanel).toBeVisible();
    await shot('card-default');

    await card.mailSender.selectOption({ label: 'SMTP' });
    await card.security.selectOption({ label: 'EI' });
    await card.save();
    await expect(card.server).toHaveAccessibleDescription('Kohustuslik väli.');
    await shot('card-smtp-errors');

    await page.getByLabel('Teenusepakkuja').selectOption({ label: 'Google Gmail' });
    await card.security.selectOption({ label: 'StartSSL/SSL/TLS' });
    await shot('card-smtp-preset');

    await card.mailSender.selectOption({ label: 'Microsoft 365 OAUTH' });
    await shot('card-m365');

    await card.mailSender.selectOption({ label: 'Directo-Reply-To' });
    await card.save();
    await card.expectSaved();
    await card.testMailButton.click();
    await expect(card.status(/Testkiri saadeti/)).toBeVisible();
    await shot('card-reply-to-sent');

    await card.mailSender.selectOption({ label: 'SMTP' });
    await card.server.fill('localhost');
    await card.port.selectOption('25');
    await card.save();
    await card.expectSaved();
    await page.getByRole('button', { name: 'Kontrolli ühendust' }).click();
    await expect(page.getByRole('list', { name: 'Kontrolli sammud' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Testkiri' }).getByRole('alert').or(page.getByRole('region', { name: 'Testkiri' }).getByRole('status'))).not.toBeEmpty();
    await shot('card-check-failed');

    // A server the guard refuses: the refusal is a send log entry with its reason.
    await card.server.fill('10.0.0.1');
    await card.save();
    await card.expectSaved();
    await card.testMailButton.click();
    await expect(page.getByText(/Sellele serverile ei saa ühenduda/).first()).toBeVisible();

    const nav = page.getByRole('navigation', { name: 'Peamenüü' });
    await nav.getByRole('link', { name: 'Sündmused' }).click();
    await expect(page.getByRole('heading', { name: 'Sündmused', level: 1 })).toBeVisible();
    await shot('events');
    await nav.getByRole('link', { name: 'Saatmislogi' }).click();
    await expect(page.getByRole('heading', { name: 'Saatmislogi', level: 1 })).toBeVisible();
    await expect(page.getByText('Server pole lubatud', { exact: false }).first()).toBeVisible();
    await shot('send-log');

    await new UsersPage(page).open();
    await expect(new UsersPage(page).row('JAAN')).toBeVisible();
    await shot('admin-users');

    await new AdminSettingsPage(page).open();
    await expect(new AdminSettingsPage(page).mailSendingUser).toBeVisible();
    await shot('admin-settings');

    await page.getByRole('link', { name: 'Auditilogi' }).click();
    await expect(page.getByRole('heading', { name: 'Auditilogi' })).toBeVisible();
    await expect(page.getByText('card.save').first()).toBeVisible();
    await shot('admin-audit');

    await page.getByRole('link', { name: 'Arenduse postkast' }).click();
    await expect(page.getByText('Directo: testkiri / test mail')).toBeVisible();
    await shot('dev-mailbox');
  });
}
