import { SignInPage } from './pages/sign-in-page';
import { DEMO, expect, test } from './support/fixtures';

test('when a user switches to English, then it is remembered for them in another browser', async ({ page, browser, stack }) => {
  await new SignInPage(page).signIn(DEMO.user.code, DEMO.user.password);
  await expect(page.getByRole('heading', { name: /Kasutaja kaart/ })).toBeVisible();
  const saved = page.waitForResponse((response) => response.url().endsWith('/api/auth/me/language') && response.ok());
  await page.getByLabel('Keel').selectOption('en');
  await saved;
  await expect(page.getByRole('heading', { name: /User card/ })).toBeVisible();
  await expect(page.getByLabel('Mail sender')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // A fresh browser (no local storage): the sign-in page is Estonian, the user's pages English.
  const other = await browser.newContext({ baseURL: stack.url });
  const otherPage = await other.newPage();
  await new SignInPage(otherPage).signIn(DEMO.user.code, DEMO.user.password);
  await expect(otherPage.getByRole('heading', { name: /User card/ })).toBeVisible();
  await expect(otherPage.getByRole('button', { name: /Sign out/ })).toBeVisible();
  await other.close();
});
