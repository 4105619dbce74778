import type { Page } from '@playwright/test';

export class SignInPage {
  constructor(private readonly page: Page) {}

  async signIn(code: string, password: string): Promise<void> {
    await this.page.goto('/');
    await this.page.getByLabel('Kasutaja kood').fill(code);
    await this.page.getByLabel('Parool').fill(password);
    await this.page.getByRole('button', { name: 'Logi sisse' }).click();
    // Signed in: the header offers to sign out (in the user's own language).
    await this.page.getByRole('button', { name: /Logi välja|Sign out/ }).waitFor();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: /Logi välja/ }).click();
    await this.page.getByRole('button', { name: 'Logi sisse' }).waitFor();
  }
}
