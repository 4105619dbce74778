import type { Page } from '@playwright/test';

/** The Events view, found by its Estonian labels (the default language). */
export class EventsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Peamenüü' }).getByRole('link', { name: 'Sündmused' }).click();
  }
  get heading() {
    return this.page.getByRole('heading', { name: 'Sündmused' });
  }
  get table() {
    return this.page.getByRole('table', { name: 'Sündmused, uuemad eespool' });
  }
  get kind() {
    return this.page.getByLabel('Liik');
  }
  get period() {
    return this.page.getByLabel('Ajavahemik');
  }
  get refreshButton() {
    return this.page.getByRole('button', { name: 'Värskenda' });
  }
  /** The data row about `recipient`. */
  row(recipient: string) {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: recipient, exact: true }) });
  }
  status(text: string | RegExp) {
    return this.page.getByRole('status').filter({ hasText: text });
  }
}
