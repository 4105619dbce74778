import type { Page } from '@playwright/test';
import { DEMO } from '../support/fixtures';
import { CardPage } from './card-page';
import { SignInPage } from './sign-in-page';

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

/**
 * As JAAN, saves a STARTTLS card for an implicit-TLS port and starts the check, which then waits
 * for a greeting the server never sends (it waits for a TLS handshake first).
 */
export async function checkStarttlsAtImplicitTlsPort(page: Page, port: number): Promise<DiagnosticsPanel> {
  const card = new CardPage(page);
  await new SignInPage(page).signIn(DEMO.user.code, DEMO.user.password);
  await card.fillSmtp({ server: 'localhost', port, security: 'StartSSL/SSL/TLS', user: '', password: '' });
  await card.save();
  await card.expectSaved();
  const panel = new DiagnosticsPanel(page);
  await panel.checkButton.click();
  return panel;
}
