import type { LocalSecurity } from '@saatja/local-servers';
import { CardPage } from './pages/card-page';
import { SignInPage } from './pages/sign-in-page';
import { DEMO, expect, test } from './support/fixtures';

const SMTP_PASSWORD = 'Tr0ub4dor&3-smtp';

const cases: { security: LocalSecurity; label: 'EI' | 'SSL' | 'StartSSL/SSL/TLS'; user: string }[] = [
  { security: 'starttls', label: 'StartSSL/SSL/TLS', user: 'jaan.smtp' },
  { security: 'ssl', label: 'SSL', user: 'jaan.smtp' },
  { security: 'none', label: 'EI', user: '' },
];

for (const { security, label, user } of cases) {
  test.describe(`SMTP over ${security}${user ? ' with authentication' : ' without authentication'}`, () => {
    test.use({ smtpServers: { own: { security, ...(user ? { users: { [user]: SMTP_PASSWORD } } : {}) } } });

    test('when the card is saved, reloaded and the server restarted, then a test mail arrives as configured', async ({
      page,
      stack,
      servers,
    }) => {
      const server = servers.own;
      const card = new CardPage(page);
      await new SignInPage(page).signIn(DEMO.user.code, DEMO.user.password);
      await expect(card.heading).toBeVisible();

      await expect(card.server).toBeHidden();
      await card.fillSmtp({ server: 'localhost', port: server!.port, security: label, user, password: user ? SMTP_PASSWORD : '' });
      await card.save();
      await card.expectSaved();

      await stack.restart();
      const cardResponse = page.waitForResponse((response) => response.url().endsWith('/api/card'));
      await page.reload();
      expect(await (await cardResponse).text()).not.toContain(SMTP_PASSWORD);
      await expect(card.mailSender).toHaveValue('smtp');
      await expect(card.server).toHaveValue('localhost');
      await expect(card.port).toHaveValue(String(server!.port));
      await expect(card.user).toHaveValue(user);
      await expect(card.password).toHaveValue('');
      if (user) await expect(page.getByText('Parool on salvestatud.')).toBeVisible();

      await card.testMailButton.click();
      await expect(card.status(`Testkiri saadeti aadressile ${DEMO.user.email}.`)).toBeVisible();
      const mail = await server!.waitForMail();
      expect(mail.envelope).toEqual({ from: DEMO.user.email, to: [DEMO.user.email] });
      expect(mail.headers.from).toContain(DEMO.user.email);
      expect(mail.authUser).toBe(user || null);
      // Plain text was chosen only where the server offers no TLS at all.
      expect(mail.secure).toBe(security !== 'none');
    });
  });
}

test.describe('bad input', () => {
  test.use({ smtpServers: { own: { security: 'starttls' } } });

  test('when the server is empty, then the field says so and nothing is saved', async ({ page }) => {
    const card = new CardPage(page);
    await new SignInPage(page).signIn(DEMO.user.code, DEMO.user.password);
    await card.mailSender.selectOption({ label: 'SMTP' });
    await card.save();
    await expect(card.server).toHaveAccessibleDescription('Kohustuslik väli.');
    await expect(card.port).toHaveAccessibleDescription('Kohustuslik väli.');
    await expect(card.server).toBeFocused();
    await page.reload();
    await expect(card.mailSender).toHaveValue('default');
  });

  test('when a port the deployment does not open reaches the server, then the port field shows the refusal and nothing is saved', async ({
    page,
    servers,
  }) => {
    const card = new CardPage(page);
    await new SignInPage(page).signIn(DEMO.user.code, DEMO.user.password);
    // The form offers only open ports, so the request is altered on its way, as a crafted client would.
    await page.route('**/api/card', async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      const body = route.request().postDataJSON() as { mailSender: { smtp: { port: number } } };
      body.mailSender.smtp.port = 2525;
      await route.continue({ postData: JSON.stringify(body) });
    });
    await card.fillSmtp({ server: 'localhost', port: servers.own!.port, security: 'StartSSL/SSL/TLS', user: '', password: '' });
    await card.save();
    await expect(card.port).toHaveAccessibleDescription(/Lubatud on ainult pordid 25, 465, 587/);
    await expect(card.alert('Salvestamine ebaõnnestus.')).toBeVisible();
    await page.unroute('**/api/card');
    await page.reload();
    await expect(card.mailSender).toHaveValue('default');
  });
});
