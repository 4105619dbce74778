import type { Page, Request } from '@playwright/test';
import { CardPage } from './pages/card-page';
import { SignInPage } from './pages/sign-in-page';
import { DEMO, expect, test } from './support/fixtures';

/** The chunk with zod, its resolver and the schemas, which the first screen leaves out (lib/lazy-validation.ts). */
const VALIDATION_CHUNK = '**/assets/validation-*.js';
/** The card's parts shown on demand: the connection check's results and the Microsoft 365 section. */
const CHECK_RESULTS_CHUNK = '**/assets/check-results-*.js';
const M365_SECTION_CHUNK = '**/assets/m365-fields-*.js';
const LOAD_FAILED = 'Osa lehest jäi laadimata. Kontrolli võrguühendust ja proovi uuesti.';

const isCardSave = (request: Request) => request.method() === 'PUT' && new URL(request.url()).pathname === '/api/card';

/** A fresh page of the signed-in card: no code of the last page's is still loaded. */
async function openCard(page: Page) {
  await new SignInPage(page).signIn(DEMO.user.code, DEMO.user.password);
  await page.reload();
  await expect(page.getByLabel('Nimi')).toBeEnabled();
}

test('when the card loads and is not touched, then none of the code it loads on demand is fetched', async ({ page }) => {
  await new SignInPage(page).signIn(DEMO.user.code, DEMO.user.password);
  const fetched: string[] = [];
  const onDemand = /\/assets\/(validation|check-results|m365-fields|card-parts)-/;
  page.on('request', (request) => onDemand.test(request.url()) && fetched.push(request.url()));
  await page.reload();
  await expect(
    page
      .getByRole('region', { name: 'Kas su kirjad jõuavad kohale?' })
      .getByText(/firma\.ee/)
      .first(),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Kontrolli ühendust' })).toBeEnabled();
  expect(fetched).toEqual([]);
});

test('when the card is saved while its validation code is still on the way, then the save waits for it and refuses what it refuses', async ({
  page,
}) => {
  await openCard(page);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(VALIDATION_CHUNK, async (route) => {
    await released;
    await route.continue();
  });
  const saves: Request[] = [];
  page.on('request', (request) => isCardSave(request) && saves.push(request));
  const card = new CardPage(page);
  await page.getByLabel('Nimi').fill('');
  await card.save();
  // Nothing is judged, nor sent, before the code is in.
  await expect(card.saveButton).toBeDisabled();
  await expect(page.getByText('Kohustuslik väli.')).toBeHidden();
  release();
  await expect(page.getByLabel('Nimi')).toHaveAccessibleDescription('Kohustuslik väli.');
  await expect(card.saveButton).toBeEnabled();
  expect(saves).toHaveLength(0);
});

test('when the validation code cannot be loaded, then saving the card says so plainly and sends nothing', async ({ page }) => {
  await openCard(page);
  await page.route(VALIDATION_CHUNK, (route) => route.abort('connectionrefused'));
  const saves: Request[] = [];
  page.on('request', (request) => isCardSave(request) && saves.push(request));
  const card = new CardPage(page);
  await page.getByLabel('Nimi').fill('Jaan Tamm-Kask');
  await card.save();
  await expect(card.alert(LOAD_FAILED)).toBeVisible();
  await expect(card.saveButton).toBeEnabled();
  expect(saves).toHaveLength(0);

  // The next try loads it again: once the network is back, the save goes through.
  await page.unroute(VALIDATION_CHUNK);
  await card.save();
  await card.expectSaved();
});

test('when the validation code cannot be loaded on the sign-in page, then signing in says so plainly', async ({ page }) => {
  await page.route(VALIDATION_CHUNK, (route) => route.abort('connectionrefused'));
  await page.goto('/');
  await page.getByLabel('Kasutaja kood').fill(DEMO.user.code);
  await page.getByLabel('Parool').fill(DEMO.user.password);
  await page.getByRole('button', { name: 'Logi sisse' }).click();
  await expect(page.getByRole('alert').filter({ hasText: LOAD_FAILED })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Logi sisse' })).toBeEnabled();
});

test('when the code of the check results or of the Microsoft 365 section cannot be loaded, then its place says so plainly and the rest of the card works', async ({
  page,
}) => {
  await openCard(page);
  await page.route(CHECK_RESULTS_CHUNK, (route) => route.abort('connectionrefused'));
  await page.route(M365_SECTION_CHUNK, (route) => route.abort('connectionrefused'));
  const card = new CardPage(page);
  await page.getByRole('button', { name: 'Kontrolli ühendust' }).click();
  await expect(page.getByRole('group', { name: 'Kontrolli tulemus' }).getByRole('alert')).toHaveText(LOAD_FAILED);

  await card.mailSender.selectOption({ label: 'Microsoft 365 OAUTH' });
  await expect(card.alert(LOAD_FAILED)).toHaveCount(2);
  await card.mailSender.selectOption({ label: 'SMTP' });
  await expect(card.server).toBeEditable();
});

test('when the code of another page cannot be loaded, then its place says so plainly and the menu still leads to the other pages', async ({
  page,
}) => {
  await openCard(page);
  await page.route('**/assets/outbox-page-*.js', (route) => route.abort('connectionrefused'));
  await page.getByRole('link', { name: 'Väljuvad kirjad' }).click();
  await expect(page.getByRole('alert')).toHaveText(LOAD_FAILED);

  await page.getByRole('link', { name: 'Kasutaja kaart' }).click();
  await expect(page.getByLabel('Nimi')).toBeEnabled();
});
