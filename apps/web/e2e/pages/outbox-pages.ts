import { expect, type Page } from '@playwright/test';

/** The admin's API token page, by its Estonian labels. */
export class TokensPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Peamenüü' }).getByRole('link', { name: 'API võtmed' }).click();
    await expect(this.page.getByRole('heading', { name: 'API võtmed', level: 1 })).toBeVisible();
  }

  /** Create a token for the listed users; returns the secret shown once. */
  async create(name: string, users: string): Promise<string> {
    await this.page.getByLabel('Nimi').fill(name);
    await this.page.getByLabel('Kasutajate koodid').fill(users);
    await this.page.getByRole('button', { name: 'Loo võti' }).click();
    const secret = this.page.getByLabel('Uus API võti');
    await expect(secret).toHaveText(/^saatja_/);
    return (await secret.textContent()) ?? '';
  }
}

/** The Outbox page (Väljuvad kirjad). */
export class OutboxPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Peamenüü' }).getByRole('link', { name: 'Väljuvad kirjad' }).click();
    await expect(this.page.getByRole('heading', { name: 'Väljuvad kirjad', level: 1 })).toBeVisible();
  }

  batch(name: string) {
    return this.page.getByRole('listitem').filter({ hasText: name });
  }

  row(text: string) {
    return this.page.getByRole('row').filter({ hasText: text });
  }

  get detail() {
    return this.page.getByRole('region', { name: /Arve|Uudiskiri/ });
  }
}
