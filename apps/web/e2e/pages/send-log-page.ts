import type { Page } from '@playwright/test';

/** The send log view (Estonian). */
export class SendLogPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Peamenüü' }).getByRole('link', { name: 'Saatmislogi' }).click();
  }
  get heading() {
    return this.page.getByRole('heading', { name: 'Saatmislogi' });
  }
  get region() {
    return this.page.getByRole('region', { name: 'Saatmislogi, uuemad eespool' });
  }
  get rows() {
    return this.region.getByRole('row');
  }
}
