import AxeBuilder from '@axe-core/playwright';
import { CardPage } from './pages/card-page';
import { EventsPage } from './pages/events-page';
import { SignInPage } from './pages/sign-in-page';
import { DEMO, expect, test } from './support/fixtures';

test.describe('a bounce of Directo-Reply-To mail', () => {
  // The relay accepts the user's own address, then reports it unknown to the event mailbox.
  test.use({ bounceRecipients: [DEMO.user.email] });

  test('when a Reply-To user sends a test mail the relay bounces, then the Events view shows the recipient and the reason', async ({
    page,
    stack,
  }, testInfo) => {
    const card = new CardPage(page);
    const events = new EventsPage(page);
    await new SignInPage(page).signIn(DEMO.user.code, DEMO.user.password);
    await card.mailSender.selectOption({ label: 'Directo-Reply-To' });
    await card.save();
    await card.expectSaved();
    await card.testMailButton.click();
    await expect(card.status(`Testkiri saadeti aadressile ${DEMO.user.email}.`)).toBeVisible();
    await expect.poll(() => stack.relay.bounces().length, { timeout: 15_000 }).toBe(1);

    await events.open();
    await expect(events.heading).toBeVisible();
    const row = events.row(DEMO.user.email);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Tagastus');
    await expect(row).toContainText('Sellist postkasti ei ole – kontrolli aadressi.');
    await expect(row).toContainText('Olek 5.1.1');
    await expect(row).toContainText('Recipient address rejected');
    await expect(row).toContainText(`Testkiri saadetud`);

    await events.kind.selectOption({ label: 'Vastus' });
    await expect(events.status('Valitud filtritega sündmusi pole.')).toBeVisible();
    await events.kind.selectOption({ label: 'Tagastus' });
    await expect(events.row(DEMO.user.email)).toHaveCount(1);

    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(
      axe.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => violation.id),
    ).toEqual([]);
    // Kept as artifacts for review, at desktop and phone width.
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      const path = testInfo.outputPath(`events-${width}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(`events-${width}`, { path, contentType: 'image/png' });
    }
  });
});

test('when nothing has bounced, then the Events view says so, and in English when switched', async ({ page }) => {
  const events = new EventsPage(page);
  await new SignInPage(page).signIn(DEMO.user.code, DEMO.user.password);
  await events.open();
  await expect(events.status(/Sündmusi pole/)).toBeVisible();
  await expect(page).toHaveURL(/\/events$/);

  await page.getByLabel('Keel').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Events' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /No events/ })).toBeVisible();
});

test('when the events cannot be loaded, then an error is shown instead of the list', async ({ page }) => {
  const events = new EventsPage(page);
  await new SignInPage(page).signIn(DEMO.user.code, DEMO.user.password);
  await page.route('**/api/events*', (route) =>
    route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":{"code":"internal"}}' }),
  );
  await events.open();
  await expect(page.getByRole('alert')).toHaveText('Midagi läks valesti. Proovi uuesti.');
  await expect(events.table).toHaveCount(0);
});
