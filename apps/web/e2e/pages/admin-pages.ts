import type { Page } from '@playwright/test';

export class AdminSettingsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Peamenüü' }).getByRole('link', { name: 'Süsteemi seadistused' }).click();
  }
  get mailSendingUser() {
    return this.page.getByLabel('Meili saatmise kasutaja kood');
  }
  get preview() {
    return this.page.getByRole('region', { name: 'Salvestamise järel' });
  }
  async save() {
    await this.page.getByRole('button', { name: 'Salvesta seadistus' }).click();
  }
}

export class UsersPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Peamenüü' }).getByRole('link', { name: 'Kasutajad' }).click();
  }
  row(code: string) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name: `Ava kaart ${code}`, exact: true }) });
  }
}
