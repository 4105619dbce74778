import type { Page } from '@playwright/test';

/** The card's test mail panel: "Check connection", "Send test mail", the steps and the verdict (Estonian). */
export class DiagnosticsPanel {
  constructor(private readonly page: Page) {}

  get region() {
    return this.page.getByRole('region', { name: 'Testkiri' });
  }
  get checkButton() {
    return this.page.getByRole('button', { name: 'Kontrolli ühendust' });
  }
  get sendButton() {
    return this.page.getByRole('button', { name: 'Saada testkiri' });
  }
  get steps() {
    return this.page.getByRole('list', { name: 'Kontrolli sammud' }).getByRole('listitem');
  }
  /** One step's row, e.g. step('Sisselogimine (AUTH)'). */
  step(name: string) {
    return this.steps.filter({ hasText: name });
  }
  /** Steps and verdict together; focused when a check ends. */
  get results() {
    return this.region.getByRole('group', { name: 'Kontrolli tulemus' });
  }
  /** The live region that announces the verdict. */
  get verdict() {
    return this.region.getByRole('status');
  }
}
