import { CardPage } from './pages/card-page';
import { SignInPage } from './pages/sign-in-page';
import { DEMO, expect, test } from './support/fixtures';

/** Screenshots of every page at phone and desktop width, kept as test artifacts for review. */
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
    await new SignInPage(page).signIn(DEMO.user.code, DEMO.user.password);
    await expect(card.heading).toBeVisible();
    await shot('card-default');

    await card.mailSender.selectOption({ label: 'SMTP' });
    await card.security.selectOption({ label: 'EI' });
    await card.save();
    await expect(card.server).toHaveAccessibleDescription('Kohustuslik väli.');
    await shot('card-smtp-errors');
  });
}
