import type { Page } from '@playwright/test';

/** The card's "Will your mail arrive?" panel, by its Estonian texts. */
export class DeliverabilityPanel {
  constructor(private readonly page: Page) {}

  get region() {
    return this.page.getByRole('region', { name: 'Kas su kirjad jõuavad kohale?' });
  }
  text(text: string | RegExp) {
    return this.region.getByText(text);
  }
  button(name: string | RegExp) {
    return this.region.getByRole('button', { name });
  }
  get details() {
    return this.region.getByText('Tehnilised üksikasjad');
  }
}
