import { expect, type Page } from '@playwright/test';

/** The user card, found by its Estonian labels (the default language). */
export class CardPage {
  constructor(private readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: /Kasutaja kaart/ });
  }
  get mailSender() {
    return this.page.getByLabel('Meili saatja');
  }
  get server() {
    return this.page.getByLabel('Server', { exact: true });
  }
  get port() {
    return this.page.getByLabel('Port', { exact: true });
  }
  get security() {
    return this.page.getByLabel('SSL/TLS');
  }
  get user() {
    return this.page.getByLabel('Kasutaja', { exact: true });
  }
  get password() {
    return this.page.getByLabel('Parool', { exact: true });
  }
  get saveButton() {
    return this.page.getByRole('button', { name: 'Salvesta' });
  }
  get testMailButton() {
    return this.page.getByRole('button', { name: 'Saada testkiri' });
  }
  get effectivePanel() {
    return this.page.getByRole('region', { name: 'Kuidas sinu kirjad lähevad' });
  }
  status(text: string | RegExp) {
    return this.page.getByRole('status').filter({ hasText: text });
  }
  alert(text: string | RegExp) {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  async fillSmtp(values: { server: string; port: number; security: 'EI' | 'SSL' | 'StartSSL/SSL/TLS'; user: string; password: string }) {
    await this.mailSender.selectOption({ label: 'SMTP' });
    await this.server.fill(values.server);
    await this.port.selectOption(String(values.port));
    await this.security.selectOption({ label: values.security });
    await this.user.fill(values.user);
    await this.password.fill(values.password);
  }

  async save() {
    await this.saveButton.click();
  }

  async expectSaved() {
    await expect(this.status('Kaart on salvestatud.')).toBeVisible();
  }
}
