import { CardPage } from './pages/card-page';
import { SignInPage } from './pages/sign-in-page';
import { DEMO, expect, test } from './support/fixtures';

test.beforeEach(async ({ page }) => {
  await new SignInPage(page).signIn(DEMO.user.code, DEMO.user.password);
  await expect(new CardPage(page).heading).toBeVisible();
});

test('when each mode is saved and the page reloaded, then the mode and its fields are kept', async ({ page }) => {
  const card = new CardPage(page);
  const modes = [
    { label: 'Directo-Reply-To', value: 'replyTo', server: /Directo server/ },
    { label: 'Microsoft 365 OAUTH', value: 'm365', server: /sinu oma: smtp\.office365\.com:587 STARTTLS/ },
    { label: 'Directo (vaikimisi)', value: 'default', server: /Directo server/ },
  ];
  for (const mode of modes) {
    await card.mailSender.selectOption({ label: mode.label });
    if (mode.value === 'm365') await page.getByLabel('Kasutaja (Microsoft 365 e-posti aadress)').fill('jaan@firma.onmicrosoft.com');
    await card.save();
    await card.expectSaved();
    await page.reload();
    await expect(card.mailSender).toHaveValue(mode.value);
    await expect(card.effectivePanel).toContainText(mode.server);
    if (mode.value === 'm365')
      await expect(page.getByLabel('Kasutaja (Microsoft 365 e-posti aadress)')).toHaveValue('jaan@firma.onmicrosoft.com');
  }
});

test('when the mode is switched away and back before saving, then the typed SMTP values are still there', async ({ page }) => {
  const card = new CardPage(page);
  await card.mailSender.selectOption({ label: 'SMTP' });
  await card.server.fill('smtp.firma.ee');
  await card.mailSender.selectOption({ label: 'Directo-Reply-To' });
  await card.mailSender.selectOption({ label: 'SMTP' });
  await expect(card.server).toHaveValue('smtp.firma.ee');
});

test('when a default-mode user sends a test mail, then it reaches the relay from the card e-mail', async ({ page, stack }) => {
  const card = new CardPage(page);
  await expect(card.effectivePanel).toContainText('Masspostituse moodul pole lubatud');
  await card.testMailButton.click();
  await expect(card.status(/Testkiri saadeti/)).toBeVisible();
  const mail = await stack.relay.waitForMail();
  expect(mail.envelope.to).toEqual([DEMO.user.email]);
  expect(mail.headers.from).toBe(`"Jaan Tamm" <${DEMO.user.email}>`);
  expect(mail.headers.replyTo).toBeNull();
  expect(mail.headers.sender).toBeNull();
});

test('when a Reply-To user sends a test mail, then it leaves as the company event mailbox with Reply-To the card e-mail', async ({
  page,
  stack,
}) => {
  const card = new CardPage(page);
  await card.mailSender.selectOption({ label: 'Directo-Reply-To' });
  await card.save();
  await card.expectSaved();
  await expect(card.effectivePanel).toContainText('ounapuupoderou@event.data.directo.ee');
  await card.testMailButton.click();
  await expect(card.status(/Testkiri saadeti/)).toBeVisible();
  const mail = await stack.relay.waitForMail();
  expect(mail.headers.from).toBe('"Jaan Tamm" <ounapuupoderou@event.data.directo.ee>');
  expect(mail.headers.sender).toBe('ounapuupoderou@event.data.directo.ee');
  expect(mail.headers.replyTo).toBe(DEMO.user.email);
  // Bounces must come back to the event mailbox, so it is the envelope sender too.
  expect(mail.envelope.from).toBe('ounapuupoderou@event.data.directo.ee');
  expect(mail.envelope.to).toEqual([DEMO.user.email]);
});

test('when a provider preset is chosen, then it fills the server fields and shows its guidance', async ({ page }) => {
  const card = new CardPage(page);
  await card.mailSender.selectOption({ label: 'SMTP' });
  await page.getByLabel('Teenusepakkuja').selectOption({ label: 'Google Gmail' });
  await expect(card.server).toHaveValue('smtp.gmail.com');
  await expect(card.port).toHaveValue('465');
  await expect(card.security).toHaveValue('ssl');
  await expect(page.getByText(/16-märgilist rakenduse parooli/)).toBeVisible();
  await card.password.fill('abcd efgh ijkl mnop');
  await expect(page.getByText(/See ei paista Gmaili rakenduse paroolina/)).toBeHidden();
  await card.password.fill('minu-google-parool');
  await expect(page.getByText(/See ei paista Gmaili rakenduse paroolina/)).toBeVisible();
});

test('when SSL/TLS does not suit the port, then a warning offers the fix and the fix applies it', async ({ page }) => {
  const card = new CardPage(page);
  await card.mailSender.selectOption({ label: 'SMTP' });
  await card.port.selectOption('465');
  await card.security.selectOption({ label: 'StartSSL/SSL/TLS' });
  const warning = card.status(/Pordil 465 kasutatakse tavaliselt valikut SSL/);
  await expect(warning).toBeVisible();
  await warning.getByRole('button', { name: 'Kasuta SSL' }).click();
  await expect(card.security).toHaveValue('ssl');
  await expect(warning).toBeHidden();
});

test('when a password login to Microsoft 365 is typed, then a warning offers the switch to OAuth', async ({ page }) => {
  const card = new CardPage(page);
  await card.mailSender.selectOption({ label: 'SMTP' });
  await page.getByLabel('Teenusepakkuja').selectOption({ label: 'Microsoft 365' });
  await card.user.fill('jaan@firma.onmicrosoft.com');
  await card
    .status(/Microsoft lõpetab paroolidega SMTP autentimise/)
    .getByRole('button', { name: 'Lülitu Microsoft 365 OAUTH peale' })
    .click();
  await expect(card.mailSender).toHaveValue('m365');
  await expect(page.getByLabel('Kasutaja (Microsoft 365 e-posti aadress)')).toHaveValue('jaan@firma.onmicrosoft.com');
});
