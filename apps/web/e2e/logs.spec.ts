import type { TestStack } from '@saatja/bff/testing';
import { SendLogPage } from './pages/send-log-page';
import { SignInPage } from './pages/sign-in-page';
import { DEMO, expect, test } from './support/fixtures';

const LONG_REPLY = `550 5.7.1 ${'Message rejected by the receiving policy of the remote organisation; '.repeat(3)}end`;

/** Send log rows as the BFF writes them, many at once: the first page must not hold them all. */
async function seedSendLog(stack: TestStack, count: number) {
  const users = await stack.bff.db.selectFrom('users').select(['id', 'code']).execute();
  const jaan = users.find((user) => user.code === 'JAAN')!.id;
  const rows = Array.from({ length: count }, (_, i) => ({
    user_id: jaan,
    actor_user_id: jaan,
    at: new Date(Date.UTC(2026, 9, 1, 8, i)).toISOString(),
    kind: i % 2 ? 'check' : 'test',
    transport: JSON.stringify({ kind: 'smtp', host: 'smtp.firma.ee', port: 587, security: 'starttls', user: 'jaan', owner: 'own' }),
    recipient: 'jaan@firma.ee',
    result: i === count - 1 ? ('failed' as const) : i % 2 ? ('checked' as const) : ('sent' as const),
    server_reply: i === count - 1 ? LONG_REPLY : '250 2.0.0 OK',
    error_code: i === count - 1 ? 'EMESSAGE' : null,
    failure_class: i === count - 1 ? 'messageRejected' : null,
    duration_ms: 1234,
    message_id: null,
  }));
  await stack.bff.db.insertInto('send_log').values(rows).execute();
}

test('when the send log is long, then it speaks in words, pages on the server, filters, and shortens long replies', async ({
  page,
  stack,
}) => {
  await seedSendLog(stack, 70);
  await new SignInPage(page).signIn(DEMO.admin.code, DEMO.admin.password);
  await page.getByRole('button', { name: 'Saada testkiri' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Testkiri saadeti' })).toBeVisible();
  const log = new SendLogPage(page);
  await log.open();

  // The newest: the admin's own test mail through the relay, in words.
  await expect(log.rows.nth(1)).toContainText(`Directo server (localhost:${stack.relay.port}, STARTTLS)`);
  await expect(log.region).not.toContainText(/relay localhost|starttls|\(own\)/);
  await expect(log.rows.nth(2)).toContainText('oma server smtp.firma.ee:587 (STARTTLS), oma kasutajaga jaan');
  await expect(log.rows.nth(2)).toContainText('1,2 s');
  await expect(log.rows).toHaveCount(1 + 50);
  await expect(page.getByText('Näidatud 50 kirjet.')).toBeVisible();

  const reply = log.region.getByRole('group').filter({ hasText: 'näita kogu vastust' });
  await expect(reply).toHaveCount(1);
  await expect(page.getByText(LONG_REPLY)).toBeHidden();
  await reply.getByText('näita kogu vastust').click();
  await expect(page.getByText(LONG_REPLY)).toBeVisible();

  await page.getByRole('button', { name: 'Näita vanemaid' }).click();
  await expect(log.rows).toHaveCount(1 + 71);
  await expect(page.getByText('Näidatud 71 kirjet. Vanemaid kirjeid pole.')).toBeVisible();

  await page.getByLabel('Tulemus').selectOption({ label: 'Ebaõnnestus' });
  await expect(log.rows).toHaveCount(2);
  await expect(log.rows.nth(1)).toContainText('Server keeldus kirjast');
  await page.getByLabel('Tulemus').selectOption({ label: 'Kõik' });
  await page.getByLabel('Kasutaja kood').fill('MARI');
  await expect(log.rows).toHaveCount(2);
  await page.getByLabel('Alates (päev)').fill('2026-01-01');
  await page.getByLabel('Kuni (päev, k.a)').fill('2026-01-02');
  await expect(page.getByText('Filtritele vastavaid kirjeid pole.')).toBeVisible();
  await page.getByRole('button', { name: 'Tühjenda filtrid' }).click();
  await expect(log.rows).toHaveCount(1 + 50);
});

test('when the audit log is read, then actions, fields and values are words, and it filters by user and action', async ({ page }) => {
  await new SignInPage(page).signIn(DEMO.admin.code, DEMO.admin.password);
  await page.getByLabel('Meili saatja').selectOption({ label: 'Directo-Reply-To' });
  await page.getByRole('button', { name: 'Salvesta' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kaart on salvestatud.' })).toBeVisible();
  await page.getByRole('link', { name: 'Auditilogi' }).click();

  const table = page.getByRole('table');
  await expect(table).toContainText('Kasutaja kaart salvestati (kasutaja MARI)');
  await expect(table).toContainText('Meili saatja: Directo (vaikimisi) → Directo-Reply-To');
  await expect(table).not.toContainText(/card\.save|smtpHost|mode: |→ replyTo/);

  await page.getByLabel('Mida').selectOption({ label: 'Kasutaja lisati' });
  await expect(page.getByText('Filtritele vastavaid kirjeid pole.')).toBeVisible();
  await page.getByLabel('Mida').selectOption({ label: 'Kõik' });
  await page.getByLabel('Kasutaja kood').fill('JAAN');
  await expect(page.getByText('Filtritele vastavaid kirjeid pole.')).toBeVisible();
  await page.getByLabel('Kasutaja kood').fill('MARI');
  await expect(table).toContainText('Kasutaja kaart salvestati');
});
