import type { Page } from '@playwright/test';
import { AdminSettingsPage, UsersPage } from '../pages/admin-pages';
import { CardPage } from '../pages/card-page';
import { SignInPage } from '../pages/sign-in-page';
import { DEMO, expect } from './fixtures';

/**
 * The admin MARI gives her card the company server and becomes the global mail user; then the
 * plain user JAAN signs in, whose default card now inherits MARI's server.
 */
export async function setUpGlobalMailUser(page: Page, company: { port: number; user: string; password: string }) {
  const signIn = new SignInPage(page);
  const card = new CardPage(page);
  await signIn.signIn(DEMO.admin.code, DEMO.admin.password);
  await card.fillSmtp({
    server: 'localhost',
    port: company.port,
    security: 'StartSSL/SSL/TLS',
    user: company.user,
    password: company.password,
  });
  await card.save();
  await card.expectSaved();

  const settings = new AdminSettingsPage(page);
  await settings.open();
  await settings.mailSendingUser.selectOption('MARI');
  await expect(settings.preview).toContainText('JAAN Jaan Tamm: pärib kasutajalt MARI');
  await settings.save();
  await expect(page.getByRole('status').filter({ hasText: 'Seadistus on salvestatud.' })).toBeVisible();
  await new UsersPage(page).open();
  await expect(new UsersPage(page).row('JAAN')).toContainText('pärib kasutajalt MARI');
  await signIn.signOut();
  await signIn.signIn(DEMO.user.code, DEMO.user.password);
}
