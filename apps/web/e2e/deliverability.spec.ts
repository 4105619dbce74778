import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { deliverabilityZone, TABLE_SENDING_IPS } from '@saatja/core/testing';
import { UsersPage } from './pages/admin-pages';
import { CardPage } from './pages/card-page';
import { DeliverabilityPanel } from './pages/deliverability-panel';
import { SignInPage } from './pages/sign-in-page';
import { DEMO, DEMO_ZONE, expect, test } from './support/fixtures';

// The table's domains (SPEC §11) from the test's own DNS server, which the BFF asks.
test.use({ dnsZone: { ...DEMO_ZONE, ...deliverabilityZone }, sendingIps: [...TABLE_SENDING_IPS] });

async function signInAs(page: Page, who: { code: string; password: string }) {
  await page.goto('/');
  await new SignInPage(page).signIn(who.code, who.password);
}

test.describe('the card', () => {
  test.beforeEach(async ({ page }) => signInAs(page, DEMO.user));

  test('when the address is at a domain whose SPF refuses the relay, then the card warns and one click switches to Reply-To', async ({
    page,
  }) => {
    const card = new CardPage(page);
    const advice = new DeliverabilityPanel(page);
    await expect(advice.text(/firma\.ee lubab Directo serveritel oma nimel kirju saata/)).toBeVisible();

    await page.getByLabel('E-post').fill('jaan@hardfail.test');
    await expect(advice.text(/jõuavad kirjad tõenäoliselt rämpsposti või lükatakse tagasi/)).toBeVisible();
    await expect(
      advice.text(/SPF-kirje .* ei sisalda Directo servereid ja palub teistest serveritest tulnud kirjad tagasi lükata/),
    ).toBeVisible();
    await expect(advice.text(/Vali Directo-Reply-To: kirjad saadetakse ettevõtte aadressilt/)).toBeVisible();
    await expect(
      advice.region.locator('code').filter({ hasText: 'v=spf1 ip4:192.0.2.1 ip4:90.190.150.210 ip4:90.190.150.211 -all' }),
    ).toBeVisible();

    await advice.button('Vali Directo-Reply-To').click();
    await expect(card.mailSender).toHaveValue('replyTo');
    await expect(advice.text(/Valikuga Directo-Reply-To saadetakse kirjad ettevõtte aadressilt/)).toBeVisible();
    await card.save();
    await card.expectSaved();
    await expect(card.mailSender).toHaveValue('replyTo');
  });

  test('when the address is at a Microsoft-hosted domain, then the card suggests Microsoft 365 OAUTH and applies it', async ({ page }) => {
    const card = new CardPage(page);
    const advice = new DeliverabilityPanel(page);
    await page.getByLabel('E-post').fill('jaan@partial.test');
    await expect(advice.text(/Osa Directo servereid on lubatud, kuid need mitte: 90\.190\.150\.211/)).toBeVisible();
    await expect(advice.text(/DMARC-reegel \(p=reject\)/)).toBeVisible();
    await expect(advice.text(/Või saada teenuse Microsoft 365 kaudu/)).toBeVisible();
    await advice.button('Vali Microsoft 365 OAUTH').click();
    await expect(card.mailSender).toHaveValue('m365');
    await expect(page.getByLabel('Kasutaja (Microsoft 365 e-posti aadress)')).toHaveValue('jaan@partial.test');
    await expect(advice.text(/Sinu kirjad lähevad sinu enda meiliserveri kaudu/)).toBeVisible();
  });

  test('when a default-mode card at such a domain checks its connection, then the last step warns about delivery', async ({ page }) => {
    const card = new CardPage(page);
    await page.getByLabel('E-post').fill('jaan@softfail.test');
    await card.save();
    await card.expectSaved();
    await page.getByRole('button', { name: 'Kontrolli ühendust' }).click();
    const step = page
      .getByRole('list', { name: 'Kontrolli sammud' })
      .getByRole('listitem')
      .filter({ hasText: 'Kirjade kohalejõudmine (SPF, DMARC)' });
    await expect(step).toContainText('hoiatus');
    await expect(step).toContainText('softfail.test: Võib jõuda rämpsposti');
  });

  test('when DNS does not answer, then the card says it could not check, never that the domain fails', async ({ page }) => {
    const advice = new DeliverabilityPanel(page);
    await page.getByLabel('E-post').fill('jaan@timeout.test');
    await expect(advice.text(/ei õnnestunud praegu kontrollida \(DNS ei vastanud\)/)).toBeVisible({ timeout: 15_000 });
    await expect(advice.text(/rämpsposti/)).toHaveCount(0);
    await expect(advice.button('Kontrolli uuesti')).toBeEnabled();
  });

  for (const width of [375, 1280]) {
    test(`when the warning is shown ${width} px wide, then it is axe-clean and captured`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      const advice = new DeliverabilityPanel(page);
      await page.getByLabel('E-post').fill('jaan@quarantine.test');
      await expect(advice.text(/Või saada teenuse Google/)).toBeVisible();
      await advice.details.click();
      await expect(advice.text('90.190.150.211: kahtlane (softfail)')).toBeVisible();
      const results = await new AxeBuilder({ page })
        .include('#deliverability-title')
        .include('.deliverability')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const path = testInfo.outputPath(`card-deliverability-${width}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(`card-deliverability-${width}`, { path, contentType: 'image/png' });
    });
  }
});

test('when an admin opens the users page, then each user’s verdict arrives after the list and “at risk” filters', async ({
  page,
}, testInfo) => {
  await signInAs(page, DEMO.admin);
  for (const [code, domain] of [
    ['HARD', 'hardfail.test'],
    ['PASS', 'gmail-pass.test'],
  ]) {
    const created = await page.request.post('/api/admin/users', {
      headers: { 'Sec-Fetch-Site': 'same-origin' },
      data: { code, name: `User ${code}`, email: `user@${domain}`, role: 'user', password: 'long-enough-1' },
    });
    expect(created.status()).toBe(201);
  }
  const users = new UsersPage(page);
  await users.open();
  await expect(users.row('HARD')).toContainText('Rämpspost või tagasilükkamine (hardfail.test)');
  await expect(users.row('PASS')).toContainText('Korras (gmail-pass.test)');
  await expect(users.row('JAAN')).toContainText('Korras (firma.ee)');

  await page.getByLabel('Näita ainult ohus kasutajaid (1)').check();
  await expect(users.row('HARD')).toBeVisible();
  await expect(users.row('PASS')).toHaveCount(0);
  await expect(users.row('JAAN')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const path = testInfo.outputPath(`users-at-risk-${width}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`users-at-risk-${width}`, { path, contentType: 'image/png' });
  }
});
