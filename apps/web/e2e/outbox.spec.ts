import { eventMailbox } from '@saatja/core';
import { OutboxPage, TokensPage } from './pages/outbox-pages';
import { SignInPage } from './pages/sign-in-page';
import { expectAccessible } from './support/accessibility';
import { DEMO, expect, test } from './support/fixtures';
import { JAAN_SMTP_PASSWORD, jaanUsesOwnServer, submitBatch } from './support/outbox-api';

/** Known once the stack runs; the own server asks at bounce time where the DSN goes. */
const eventMailboxAt = { port: 0, address: '' };
const BOUNCING = 'tundmatu@example.ee';

test.use({
  smtpServers: {
    // JAAN's own server: it accepts the batch and reports one recipient unknown; his mailbox forwards
    // the bounce to Saatja's event mailbox, which matches it to the message by its Message-ID.
    own: {
      security: 'starttls',
      users: { jaan: JAAN_SMTP_PASSWORD },
      bounce: { recipients: [BOUNCING], deliverTo: () => ({ host: '127.0.0.1', port: eventMailboxAt.port, to: eventMailboxAt.address }) },
    },
  },
});

test('when an admin creates a token and the ERP submits a batch, then the Outbox shows it progressing to done and the bounce on its message', async ({
  page,
  stack,
  servers,
}, testInfo) => {
  eventMailboxAt.port = stack.inboundPort;
  eventMailboxAt.address = eventMailbox(stack.config);
  await jaanUsesOwnServer(stack.url, servers.own!);
  const shot = async (name: string) => {
    const path = testInfo.outputPath(`${name}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(name, { path, contentType: 'image/png' });
  };

  await new SignInPage(page).signIn(DEMO.admin.code, DEMO.admin.password);
  const tokens = new TokensPage(page);
  await tokens.open();
  const token = await tokens.create('ERP arveldus', 'JAAN');
  await expectAccessible(page, 'tokens, token shown once');
  await shot('tokens-created-1280');

  const messages = Array.from({ length: 12 }, (_, i) => ({
    to: [i === 5 ? BOUNCING : `klient${i}@example.ee`],
    subject: `Uudiskiri ${i + 1}`,
    text: 'Tere!',
    reference: `NEWS-${i + 1}`,
  }));
  const batch = await submitBatch(stack.url, token, { user: 'JAAN', name: 'Novembri uudiskiri', messages });
  expect(batch.status).toBe(202);

  const outbox = new OutboxPage(page);
  await outbox.open();
  const card = outbox.batch('Novembri uudiskiri');
  await expect(card.getByRole('progressbar')).toBeVisible();
  await expect(card).toContainText('12 / 12 saadetud, 0 ebaõnnestus', { timeout: 30_000 });
  await expect(card.getByRole('progressbar')).toHaveAttribute('value', '12');
  await expect(card).toContainText('Valmis');
  await expectAccessible(page, 'outbox, batch done');
  await shot('outbox-1280');

  await card.getByRole('button', { name: /Näita kirju/ }).click();
  await expect(page.getByRole('heading', { name: /Masspostituse „Novembri uudiskiri“ kirjad/ })).toBeVisible();
  const row = outbox.row(BOUNCING);
  await expect(row).toContainText('Saadetud');
  await expect(async () => {
    await row.getByRole('button', { name: 'Kirja „Uudiskiri 6“ üksikasjad' }).click();
    await expect(page.getByRole('region', { name: 'Uudiskiri 6' })).toContainText('Tagastus', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const detail = page.getByRole('region', { name: 'Uudiskiri 6' });
  await expect(detail).toContainText(BOUNCING);
  await expect(detail).toContainText('5.1.1');
  await expect(detail).not.toContainText('unknownMailbox');
  await expectAccessible(page, 'outbox, message with its bounce');
  await shot('outbox-detail-1280');

  await page.setViewportSize({ width: 375, height: 900 });
  await shot('outbox-detail-375');
  await page.getByRole('button', { name: 'Kõik kirjad' }).click();
  await shot('outbox-375');
});
