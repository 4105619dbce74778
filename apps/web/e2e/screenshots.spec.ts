import { AdminSettingsPage, UsersPage } from './pages/admin-pages';
import { CardPage } from './pages/card-page';
import { SignInPage } from './pages/sign-in-page';
import { DEMO, expect, test } from './support/fixtures';
import { screenshotter } from './support/screenshot';

/** Long words that must wrap, not widen the page: a reply without spaces, a long host name. */
const LONG_REPLY = `550 5.7.1 ${'x'.repeat(180)} https://example.com/${'policy/'.repeat(20)}`;

/**
 * Screenshots of every page and state at a small phone, a phone and a desktop width (test-results/
 * <this test>/<page>-<width>.png and the HTML report), each checked for sideways scrolling. The card's
 * states that need their own servers are in screenshots-card-states.spec.ts.
 */
for (const width of [320, 375, 1280]) {
  test(`when the pages are shown ${width} px wide, then they are captured and none scrolls sideways`, async ({ page, stack }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    const shot = screenshotter(page, testInfo, width);
    const mari = await stack.bff.db.selectFrom('users').select('id').where('code', '=', 'MARI').executeTakeFirstOrThrow();
    await stack.bff.db
      .insertInto('send_log')
      .values({
        user_id: mari.id,
        actor_user_id: mari.id,
        at: new Date(Date.UTC(2026, 9, 1, 8)).toISOString(),
        kind: 'test',
        transport: JSON.stringify({
          kind: 'smtp',
          host: `mail.${'pikk-nimi-'.repeat(8)}firma.ee`,
          port: 587,
          security: 'starttls',
          user: `${'kasutaja.'.repeat(6)}mari@firma.ee`,
          owner: 'own',
        }),
        recipient: `${'pikk.aadress.'.repeat(5)}mari@firma.ee`,
        result: 'failed' as const,
        server_reply: LONG_REPLY,
        error_code: 'EMESSAGE',
        failure_class: 'messageRejected',
        duration_ms: 2500,
        message_id: null,
      })
      .execute();

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
    await card.user.fill('jaan');
    await shot('card-smtp-preset');

    await card.mailSender.selectOption({ label: 'Microsoft 365 OAUTH' });
    await page.getByLabel('Kasutaja (Microsoft 365 e-posti aadress)').fill('mari@firma.onmicrosoft.com');
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
    await expect(
      page
        .getByRole('region', { name: 'Testkiri' })
        .getByRole('alert')
        .or(page.getByRole('region', { name: 'Testkiri' }).getByRole('status')),
    ).not.toBeEmpty();
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
    await page.getByText('näita kogu vastust').click();
    await expect(page.getByText(LONG_REPLY)).toBeVisible();
    await shot('send-log-full-reply');

    await new UsersPage(page).open();
    await expect(new UsersPage(page).row('JAAN')).toBeVisible();
    await shot('admin-users');

    await new AdminSettingsPage(page).open();
    await expect(new AdminSettingsPage(page).mailSendingUser).toBeVisible();
    await shot('admin-settings');

    await page.getByRole('link', { name: 'Auditilogi' }).click();
    await expect(page.getByRole('heading', { name: 'Auditilogi' })).toBeVisible();
    await expect(page.getByRole('cell', { name: /Kasutaja kaart salvestati/ }).first()).toBeVisible();
    await shot('admin-audit');

    await page.getByRole('link', { name: 'Arenduse postkast' }).click();
    await expect(page.getByText('Directo: testkiri / test mail')).toBeVisible();
    await shot('dev-mailbox');
  });
}
